namespace LiveTrack;

/// <summary>
/// Changes published by one silo in one short batching interval: the latest snapshot of every aircraft that changed,
/// the last snapshot of every aircraft reported lost, and the geofence events raised, in order.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.TrafficBatch")]
public sealed record TrafficBatch(
    [property: Id(0)] AircraftSnapshot[] Updated,
    [property: Id(1)] AircraftSnapshot[] Lost,
    [property: Id(2)] GeofenceEvent[] Events);
