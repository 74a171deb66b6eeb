namespace LiveTrack;

/// <summary>Evaluates the alert rules of one fence's events (implicitly subscribed to that fence's stream).</summary>
[Alias("livetrack.IFenceRulesGrain")]
public interface IFenceRulesGrain : IGrainWithStringKey
{
    /// <summary>Pending dwell timers and cooldowns held (diagnostics).</summary>
    [Alias("Tracked")]
    Task<int> Tracked();
}
