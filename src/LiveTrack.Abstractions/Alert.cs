namespace LiveTrack;

/// <summary>
/// A rule fired for one aircraft, with the evidence: the aircraft's state, the triggering geofence event(s) with their
/// positions and crossing point, and the trace id of the position report that caused it.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.Alert")]
public sealed record Alert
{
    /// <summary>
    /// Unique and deterministic (rule, aircraft and the triggering event's sequence): the same condition evaluated
    /// twice yields the same id, which is also the webhook idempotency key.
    /// </summary>
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string RuleId { get; init; }

    [Id(2)] public string? RuleName { get; init; }

    [Id(3)] public required string Icao { get; init; }

    [Id(4)] public required AlertTriggerKind Trigger { get; init; }

    /// <summary>When the condition was met (the crossing time, or when the dwell or hold time elapsed).</summary>
    [Id(5)] public required DateTimeOffset At { get; init; }

    /// <summary>When the rule evaluated it.</summary>
    [Id(6)] public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>One line for people: what happened, to whom, where.</summary>
    [Id(7)] public required string Summary { get; init; }

    /// <summary>The aircraft's state when the condition was met.</summary>
    [Id(8)] public AircraftSnapshot? Aircraft { get; init; }

    /// <summary>The geofence events that triggered it (empty for squawk and emergency rules).</summary>
    [Id(9)] public GeofenceEvent[] Events { get; init; } = [];

    /// <summary>Squawk code for squawk rules.</summary>
    [Id(10)] public string? Squawk { get; init; }

    /// <summary>W3C trace id of the position report that caused it (null when that report was not traced).</summary>
    [Id(11)] public string? TraceId { get; init; }

    /// <summary>W3C <c>traceparent</c> of the span that raised it, so consumers continue the same trace (not serialised to JSON).</summary>
    [Id(12)]
    [System.Text.Json.Serialization.JsonIgnore]
    public string? TraceParent { get; init; }
}
