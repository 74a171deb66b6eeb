using System.Net;
using LiveTrack.Grains;
using LiveTrack.Ingestion;
using LiveTrack.Server.Cluster;
using Orleans.Configuration;

namespace LiveTrack.Server.Hosting;

/// <summary>The silo's cluster profile: localhost clustering (embedded) or membership, reminders and grain state on PostgreSQL.</summary>
public static class ClusterHosting
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    public static ISiloBuilder AddLiveTrackCluster(this ISiloBuilder silo, LiveTrackClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Provider != ClusterProvider.PostgreSql)
        {
            silo.Services.AddSingleton<IFeedLeases>(new LocalFeedLeases(cluster.EffectiveNodeName));
            return silo.UseLocalhostClustering(
                siloPort: cluster.SiloPort,
                gatewayPort: cluster.GatewayPort,
                primarySiloEndpoint: cluster.PrimarySiloPort is { } primary ? new IPEndPoint(IPAddress.Loopback, primary) : null,
                serviceId: cluster.ServiceId,
                clusterId: cluster.ClusterId);
        }

        var advertised = Address(cluster.AdvertisedAddress) ?? IPAddress.Loopback;
        var listen = Address(cluster.ListenAddress) ?? IPAddress.Any;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.Configure<SiloOptions>(o => o.SiloName = cluster.EffectiveNodeName);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = advertised;
            o.SiloPort = cluster.SiloPort;
            o.GatewayPort = cluster.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(listen, cluster.SiloPort);
            o.GatewayListeningEndpoint = cluster.GatewayPort > 0 ? new IPEndPoint(listen, cluster.GatewayPort) : null;
        });

        // A killed silo is declared dead after 3 missed probes: 3 × 2 s instead of Orleans' 3 × 5 s, so its grains and
        // feeds move within the 30 s the cluster profile promises (README: Cluster profile).
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
        });

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ClusterSchemaStartup>();
        silo.Services.AddSingleton<IFeedLeases>(sp => new PostgreSqlFeedLeases(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LiveTrackClusterOptions>>().Value));
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = cluster.ConnectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = cluster.ConnectionString;
        });
        silo.AddAdoNetGrainStorage(LiveTrackStorage.StateName, o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = cluster.ConnectionString;
        });
        return silo;
    }

    private static IPAddress? Address(string? text) => IPAddress.TryParse(text, out var address) ? address : null;
}
