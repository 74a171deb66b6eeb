namespace LiveTrack.Alerting;

/// <summary>An inclusive range of numbers; a null bound is open.</summary>
public sealed record NumberBand(double? Min, double? Max)
{
    /// <summary>True when <paramref name="value"/> is within both bounds (bounds included).</summary>
    public bool Contains(double value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}
