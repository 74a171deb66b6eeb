namespace LiveTrack.Grains;

/// <summary>
/// Names of the Orleans providers LiveTrack's grains persist through. The host registers them: files and a file
/// reminder table in the embedded profile, PostgreSQL (ADO.NET) in the cluster profile.
/// </summary>
public static class LiveTrackStorage
{
    /// <summary>Grain storage for state that must survive a restart or a silo's death (rule timers, fence membership).</summary>
    public const string StateName = "livetrack-state";
}
