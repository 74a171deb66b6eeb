using LiveTrack.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orleans.Hosting;

public static class LiveTrackSiloBuilderExtensions
{
    /// <summary>
    /// Adds LiveTrack's grains and their silo services: tracking options, the traffic outbox and publisher, the
    /// per-silo relay that hands traffic to this silo's <see cref="ITrafficObserver"/> (register one to receive it), and
    /// the per-silo catalog replica service that hands fence and rule changes to this silo's <see cref="ICatalogReplica"/>s.
    /// </summary>
    public static ISiloBuilder AddLiveTrackGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FanoutOptions>().BindConfiguration(FanoutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Membership and health checks measure from the silo's start: see SiloHealthClock (no false watchdog stall).
        services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Membership, (_, _) => new SiloHealthClock());
        services.AddMetrics();
        services.TryAddSingleton<LiveTrack.Telemetry.LiveTrackMetrics>();
        services.AddSingleton<ITrafficOutbox, TrafficOutbox>();
        services.AddSingleton<TrafficPublisher>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<TrafficPublisher>());
        services.TryAddSingleton<IGeofenceIndexProvider, NoGeofences>();
        services.TryAddSingleton<LiveTrack.History.IHistoryRecorder>(LiveTrack.History.NoHistory.Instance);
        services.TryAddSingleton<IAlertRuleProvider, NoAlertRules>();
        // Country and military flag from the address alone; the host replaces it to add an aircraft database.
        services.TryAddSingleton<LiveTrack.Identity.IAircraftIdentityProvider, LiveTrack.Identity.AircraftIdentityProvider>();
        services.TryAddSingleton<InMemoryAlertStore>();
        services.TryAddSingleton<IAlertStore>(sp => sp.GetRequiredService<InMemoryAlertStore>());
        services.TryAddSingleton<IAlertDelivery>(sp => sp.GetRequiredService<InMemoryAlertStore>());
        builder.AddMemoryStreams(LiveTrackStreams.ProviderName);
        builder.AddMemoryGrainStorage("PubSubStore");
        builder.AddGrainService<TrafficRelayService>();
        services.AddSingleton<TrafficRelayClient>();
        builder.AddGrainService<CatalogReplicaService>();
        services.AddSingleton<CatalogReplicaClient>();
        services.AddSingleton<CatalogReplication>();
        return builder;
    }
}
