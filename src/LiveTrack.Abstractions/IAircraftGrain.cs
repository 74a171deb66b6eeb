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

    /// <summary>Ids of the geofences the aircraft is inside now.</summary>
    [Alias("GetGeofences")]
    Task<string[]> GetGeofences();

    /// <summary>
    /// Re-checks one fence after it was created, replaced or deleted: raises Entered (fence created) or Exited
    /// (fence deleted) when the aircraft's inside/outside answer changed.
    /// </summary>
    [Alias("ReevaluateGeofence")]
    Task ReevaluateGeofence(string fenceId);
}
