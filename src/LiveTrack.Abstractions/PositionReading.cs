namespace LiveTrack;

/// <summary>A position with its provenance.</summary>
[GenerateSerializer, Immutable, Alias("livetrack.PositionReading")]
public readonly record struct PositionReading(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude,
    [property: Id(2)] PositionSource Source,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Feed);
