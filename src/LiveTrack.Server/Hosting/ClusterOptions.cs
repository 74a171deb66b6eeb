using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Hosting;

/// <summary>
/// The embedded (localhost) Orleans cluster. Bound from <c>LiveTrack:Cluster</c>. Several servers on one machine
/// form one cluster when each has its own ports and all name the same primary silo port.
/// </summary>
public sealed class LiveTrackClusterOptions
{
    public const string SectionName = "LiveTrack:Cluster";

    /// <summary>Where the cluster's membership, reminders and grain state live.</summary>
    public ClusterProvider Provider { get; set; } = ClusterProvider.Localhost;

    /// <summary>Npgsql connection string of the shared database (required when <see cref="Provider"/> is PostgreSql).</summary>
    public string? ConnectionString { get; set; }

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port of the Orleans gateway for external cluster clients; 0 = no gateway (the server's client is in-silo).</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Silo port of the primary silo; empty means this server is the primary.</summary>
    [Range(1, 65535)]
    public int? PrimarySiloPort { get; set; }

    [Required]
    public string ClusterId { get; set; } = "livetrack";

    [Required]
    public string ServiceId { get; set; } = "livetrack";
}
