namespace LiveTrack;

/// <summary>A position used as evidence in a geofence event.</summary>
[GenerateSerializer, Immutable, Alias("livetrack.EventPosition")]
public readonly record struct EventPosition(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude,
    [property: Id(2)] int? AltitudeFeet,
    [property: Id(3)] DateTimeOffset At);
