namespace LiveTrack.Alerting;

/// <summary>
/// Everything a <see cref="RuleEngine"/> remembers, as plain data: pending dwells, holds and unexpired cooldowns.
/// <see cref="RuleEngine.Export"/> takes it and <see cref="RuleEngine.Restore"/> puts it back, so a restarted or moved
/// rule grain resumes its timers and cooldowns (a dwell still fires at its original deadline).
/// </summary>
public sealed record RuleEngineState
{
    /// <summary>The engine's creation counter (ties between equal deadlines are broken by it).</summary>
    public long Serial { get; init; }

    public IReadOnlyList<PendingDwellState> Dwells { get; init; } = [];

    public IReadOnlyList<HoldState> Holds { get; init; } = [];

    public IReadOnlyList<CooldownState> Cooldowns { get; init; } = [];

    /// <summary>True when the engine remembers nothing.</summary>
    public bool IsEmpty => Dwells.Count == 0 && Holds.Count == 0 && Cooldowns.Count == 0;
}
