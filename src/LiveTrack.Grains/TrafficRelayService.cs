using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace LiveTrack.Grains;

/// <summary>Hands each batch relayed to this silo to its <see cref="ITrafficObserver"/>, if it has one.</summary>
[Reentrant]
internal sealed class TrafficRelayService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, IServiceProvider services)
    : GrainService(grainId, silo, loggerFactory), ITrafficRelayService
{
    private readonly ITrafficObserver? observer = services.GetService<ITrafficObserver>();

    public Task Relay(TrafficBatch batch) => observer?.OnTraffic(batch) ?? Task.CompletedTask;
}
