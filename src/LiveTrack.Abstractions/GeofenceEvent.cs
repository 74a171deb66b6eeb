namespace LiveTrack;

/// <summary>
/// An aircraft entered, exited or was lost inside a geofence, with the evidence: the reports before and after the
/// crossing and the crossing point and time interpolated along the great circle between them.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.GeofenceEvent")]
public sealed record GeofenceEvent
{
    [Id(0)] public required string Icao { get; init; }

    /// <summary>Increases with every event of this aircraft (also across grain activations): order and de-duplicate by it.</summary>
    [Id(1)] public required long Sequence { get; init; }

    [Id(2)] public required GeofenceEventKind Kind { get; init; }

    [Id(3)] public required GeofenceEventReason Reason { get; init; }

    [Id(4)] public required string FenceId { get; init; }

    [Id(5)] public string? FenceName { get; init; }

    /// <summary>When it happened: the crossing time, or the report's time for other reasons.</summary>
    [Id(6)] public required DateTimeOffset At { get; init; }

    /// <summary>The last report before the crossing.</summary>
    [Id(7)] public EventPosition? Before { get; init; }

    /// <summary>The first report after the crossing (or the report that caused the event).</summary>
    [Id(8)] public EventPosition? After { get; init; }

    /// <summary>The interpolated crossing point, for <see cref="GeofenceEventReason.Crossed"/>.</summary>
    [Id(9)] public EventPosition? Crossing { get; init; }

    /// <summary>Which limit was crossed: Lateral, Floor, Ceiling or AltitudeUnknown.</summary>
    [Id(10)] public string? Boundary { get; init; }

    [Id(11)] public string? Callsign { get; init; }

    /// <summary>The aircraft as it was when the event was raised (rule filters and alert evidence use it).</summary>
    [Id(12)] public AircraftSnapshot? Aircraft { get; init; }

    /// <summary>
    /// W3C trace id (32 hex digits) of the position report that caused the event, so an operator can open its trace;
    /// null when the event was not caused by a traced report.
    /// </summary>
    [Id(13)] public string? TraceId { get; init; }

    /// <summary>W3C <c>traceparent</c> of the span that raised it, so consumers continue the same trace (not serialised to JSON).</summary>
    [Id(14)]
    [System.Text.Json.Serialization.JsonIgnore]
    public string? TraceParent { get; init; }

    /// <summary>For a fence made from a boundary dataset (national airspace): which dataset and version drew its line.</summary>
    [Id(130)] public BoundaryProvenance? Provenance { get; init; }

    /// <summary>
    /// For a fence with <see cref="Provenance"/>: the great-circle distance in nautical miles from the position in
    /// <see cref="After"/> (or <see cref="Before"/> for LostInside) to the fence's line.
    /// </summary>
    [Id(131)] public double? BoundaryDistanceNm { get; init; }
}
