namespace LiveTrack;

/// <summary>Evaluates squawk and emergency rules for one partition of aircraft (implicitly subscribed to its signal stream).</summary>
[Alias("livetrack.ISignalRulesGrain")]
public interface ISignalRulesGrain : IGrainWithStringKey
{
    /// <summary>Pending holds and cooldowns held (diagnostics).</summary>
    [Alias("Tracked")]
    Task<int> Tracked();
}
