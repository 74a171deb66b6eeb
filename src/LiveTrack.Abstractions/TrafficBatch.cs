namespace LiveTrack;

/// <summary>
/// Changes published by one silo in one short batching interval: the latest snapshot of every aircraft that changed
/// and the last snapshot of every aircraft reported lost.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.TrafficBatch")]
public sealed record TrafficBatch(
    [property: Id(0)] AircraftSnapshot[] Updated,
    [property: Id(1)] AircraftSnapshot[] Lost);

/// <summary>A per-silo receiver of traffic batches (wrapping that silo's SignalR hub context).</summary>
[Alias("livetrack.ITrafficObserver")]
public interface ITrafficObserver : IGrainObserver
{
    [Alias("OnTraffic")]
    Task OnTraffic(TrafficBatch batch);
}

/// <summary>
/// Directory of the live <see cref="ITrafficObserver"/>s, one per silo. Observers re-register periodically;
/// entries of silos that left the cluster, or that stopped re-registering, are dropped.
/// </summary>
[Alias("livetrack.ITrafficObserverDirectoryGrain")]
public interface ITrafficObserverDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Register")]
    Task Register(SiloAddress silo, ITrafficObserver observer);

    [Alias("Unregister")]
    Task Unregister(SiloAddress silo);

    [Alias("GetObservers")]
    Task<ITrafficObserver[]> GetObservers();
}
