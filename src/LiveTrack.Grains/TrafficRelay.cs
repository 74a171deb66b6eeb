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

    [Alias("GeofencesChanged")]
    Task GeofencesChanged(string[] fenceIds);

    [Alias("RulesChanged")]
    Task RulesChanged(string[] ruleIds);
}

/// <summary>Told when a fence was created, replaced or deleted anywhere in the cluster (the host's fence catalog).</summary>
public interface IGeofenceChangeListener
{
    Task OnGeofencesChanged(string[] fenceIds);
}

/// <summary>Told when an alert rule was created, replaced or deleted anywhere in the cluster (the host's rule catalog).</summary>
public interface IRuleChangeListener
{
    Task OnRulesChanged(string[] ruleIds);
}

/// <summary>Tells every active silo that fences or rules changed, so each reloads them from the store.</summary>
public sealed class CatalogReplication(IServiceProvider services, IClusterMembershipService membership)
{
    private TrafficRelayClient Relays => services.GetRequiredService<TrafficRelayClient>();

    public Task AnnounceGeofences(string[] fenceIds) => OnEverySilo(relay => relay.GeofencesChanged(fenceIds));

    public Task AnnounceRules(string[] ruleIds) => OnEverySilo(relay => relay.RulesChanged(ruleIds));

    private Task OnEverySilo(Func<ITrafficRelayService, Task> call) =>
        Task.WhenAll(membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => call(Relays.On(m.SiloAddress))));
}

[Reentrant]
internal sealed class TrafficRelayService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, IServiceProvider services)
    : GrainService(grainId, silo, loggerFactory), ITrafficRelayService
{
    private readonly ITrafficObserver? observer = services.GetService<ITrafficObserver>();
    private readonly IGeofenceChangeListener? fences = services.GetService<IGeofenceChangeListener>();
    private readonly IRuleChangeListener? rules = services.GetService<IRuleChangeListener>();

    public Task Relay(TrafficBatch batch) => observer?.OnTraffic(batch) ?? Task.CompletedTask;

    public Task GeofencesChanged(string[] fenceIds) => fences?.OnGeofencesChanged(fenceIds) ?? Task.CompletedTask;

    public Task RulesChanged(string[] ruleIds) => rules?.OnRulesChanged(ruleIds) ?? Task.CompletedTask;
}

/// <summary>Reaches the <see cref="ITrafficRelayService"/> of a given silo.</summary>
internal sealed class TrafficRelayClient(IServiceProvider services) : GrainServiceClient<ITrafficRelayService>(services)
{
    public ITrafficRelayService On(SiloAddress silo) => GetGrainService(silo);
}
