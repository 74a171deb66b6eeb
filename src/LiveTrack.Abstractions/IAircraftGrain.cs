namespace LiveTrack;

/// <summary>
/// One aircraft, keyed by its normalised ICAO 24-bit address. Holds the merged last-known state, rejects stale
/// and impossible reports, and reports the aircraft lost after a configured silence.
/// </summary>
[Alias("livetrack.IAircraftGrain")]
public interface IAircraftGrain : IGrainWithStringKey
{
    /// <summary>Merges reports (in feed order) into the state.</summary>
    [Alias("Report")]
    Task<ReportOutcome> Report(AircraftReport[] reports);

    /// <summary>The current state, or null when nothing has been accepted for this aircraft.</summary>
    [Alias("GetState")]
    Task<AircraftState?> GetState();
}
