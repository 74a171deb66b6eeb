namespace LiveTrack;

/// <summary>
/// Changes published by one silo in one short batching interval: the latest snapshot of every aircraft that changed,
/// the last snapshot of every aircraft reported lost, the geofence events raised, in order, and the alerts recorded.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.TrafficBatch")]
public sealed record TrafficBatch(
    [property: Id(0)] AircraftSnapshot[] Updated,
    [property: Id(1)] AircraftSnapshot[] Lost,
    [property: Id(2)] GeofenceEvent[] Events)
{
    /// <summary>Alerts recorded in the interval, in order.</summary>
    [Id(3)] public Alert[] Alerts { get; init; } = [];
}
