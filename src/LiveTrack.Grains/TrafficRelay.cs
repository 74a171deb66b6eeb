using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.Services;
using Orleans.Services;

namespace LiveTrack.Grains;

/// <summary>
/// The silo-local receiver of the cluster's traffic changes (the host's SignalR relay, or a test recorder). Register
/// one in the silo's services; a silo without one ignores traffic.
/// </summary>
public interface ITrafficObserver
{
    Task OnTraffic(TrafficBatch batch);
}

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

[Reentrant]
internal sealed class TrafficRelayService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, IServiceProvider services)
    : GrainService(grainId, silo, loggerFactory), ITrafficRelayService
{
    private readonly ITrafficObserver? observer = services.GetService<ITrafficObserver>();

    public Task Relay(TrafficBatch batch) => observer?.OnTraffic(batch) ?? Task.CompletedTask;
}

/// <summary>Reaches the <see cref="ITrafficRelayService"/> of a given silo.</summary>
internal sealed class TrafficRelayClient(IServiceProvider services) : GrainServiceClient<ITrafficRelayService>(services)
{
    public ITrafficRelayService On(SiloAddress silo) => GetGrainService(silo);
}
