namespace LiveTrack.Alerting;

/// <summary>A squawk or emergency hold, pending or fired and still lasting (see <see cref="RuleEngineState"/>).</summary>
public sealed record HoldState(string RuleId, long Serial, DateTimeOffset Deadline, AlertTriggerKind Kind, string? Code, AircraftSignal Start, bool Fired);
