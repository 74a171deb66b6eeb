namespace LiveTrack.Server.Apis.History;

/// <summary>One stored geofence event (live or imported).</summary>
public sealed record StoredEvent(
    string Icao,
    long Sequence,
    GeofenceEventKind Kind,
    GeofenceEventReason Reason,
    string FenceId,
    string? FenceName,
    DateTimeOffset At,
    EventPosition? Before,
    EventPosition? After,
    EventPosition? Crossing,
    string? Boundary,
    string? Callsign,
    string? TraceId,
    bool Imported);
