namespace LiveTrack;

/// <summary>
/// A change in an aircraft's squawk or emergency flag, or its loss. Published by the aircraft grain only when one of
/// those changes, on the <c>aircraft-signals</c> stream of the aircraft's partition, for state-condition rules.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.AircraftSignal")]
public sealed record AircraftSignal
{
    [Id(0)] public required string Icao { get; init; }

    /// <summary>Increases with every signal and geofence event of this aircraft (the same counter as <see cref="GeofenceEvent.Sequence"/>).</summary>
    [Id(1)] public required long Sequence { get; init; }

    /// <summary>The squawk now (null when unknown).</summary>
    [Id(2)] public string? Squawk { get; init; }

    /// <summary>The emergency flag now (null when unknown).</summary>
    [Id(3)] public bool? Emergency { get; init; }

    /// <summary>When the new value was reported (the report's time).</summary>
    [Id(4)] public required DateTimeOffset At { get; init; }

    /// <summary>True when the aircraft was lost (went silent): every condition on it ends.</summary>
    [Id(5)] public bool Lost { get; init; }

    /// <summary>The aircraft as it was when the signal was raised.</summary>
    [Id(6)] public AircraftSnapshot? Aircraft { get; init; }

    /// <summary>W3C trace id of the report that caused the change (null when not traced).</summary>
    [Id(7)] public string? TraceId { get; init; }

    /// <summary>W3C <c>traceparent</c> of the span that raised it, so consumers continue the same trace (not serialised to JSON).</summary>
    [Id(8)]
    [System.Text.Json.Serialization.JsonIgnore]
    public string? TraceParent { get; init; }
}
