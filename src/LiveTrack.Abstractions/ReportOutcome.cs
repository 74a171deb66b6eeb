namespace LiveTrack;

/// <summary>What an aircraft grain did with a batch of reports, for per-feed counters.</summary>
[GenerateSerializer, Immutable, Alias("livetrack.ReportOutcome")]
public readonly record struct ReportOutcome(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Stale,
    [property: Id(2)] int Suspect)
{
    public static ReportOutcome operator +(ReportOutcome a, ReportOutcome b) =>
        new(a.Accepted + b.Accepted, a.Stale + b.Stale, a.Suspect + b.Suspect);
}
