namespace LiveTrack.Alerting;

/// <summary>A dwell waiting for its deadline (see <see cref="RuleEngineState"/>).</summary>
/// <param name="RuleFenceId">The rule's fence id when the dwell started.</param>
/// <param name="RuleTag">The rule's tag when the dwell started.</param>
public sealed record PendingDwellState(string RuleId, long Serial, DateTimeOffset Deadline, string? RuleFenceId, string? RuleTag, GeofenceEvent Entered);
