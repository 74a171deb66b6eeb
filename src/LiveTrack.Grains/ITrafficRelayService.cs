using Orleans.Services;

namespace LiveTrack.Grains;

/// <summary>
/// One per silo, addressed by silo address: the entry point through which every silo's publisher hands its changes
/// to this silo's <see cref="ITrafficObserver"/>. Addressing by silo (rather than through observer references kept in
/// a directory grain) means the set of receivers is exactly the active cluster membership, with nothing to register,
/// expire or heal.
/// </summary>
[Alias("livetrack.ITrafficRelayService")]
public interface ITrafficRelayService : IGrainService
{
    [Alias("Relay")]
    Task Relay(TrafficBatch batch);
}
