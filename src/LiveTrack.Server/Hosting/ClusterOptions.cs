using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Hosting;

/// <summary>
/// The Orleans cluster, bound from <c>LiveTrack:Cluster</c>. Localhost (the embedded default): several servers on one
/// machine form one cluster when each has its own ports and all name the same primary silo port. PostgreSql (the
/// cluster profile): membership, reminders and grain state in a shared database, silos on any machines.
/// </summary>
public sealed class LiveTrackClusterOptions : IValidatableObject
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

    /// <summary>IP address other silos reach this one at (PostgreSql); default the loopback address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>IP address the silo and gateway ports listen on (PostgreSql); default every address.</summary>
    public string? ListenAddress { get; set; }

    /// <summary>This silo's name in the membership table and in <c>/api/feeds</c>; default host name and silo port.</summary>
    [StringLength(150)]
    public string? NodeName { get; set; }

    /// <summary>Creates or updates LiveTrack's cluster tables and queries at start (PostgreSql).</summary>
    public bool ApplySchema { get; set; } = true;

    /// <summary>How long start-up waits for the database (connecting and applying the schema) before failing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SchemaTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a feed that runs once stays with its silo without a renewal (PostgreSql).</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan FeedLeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the owning silo renews its feed leases and the others try to take free ones.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan FeedLeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The node name used when <see cref="NodeName"/> is not set.</summary>
    public string EffectiveNodeName => string.IsNullOrWhiteSpace(NodeName) ? $"{Environment.MachineName}:{SiloPort}" : NodeName;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == ClusterProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("A connection string is required when Provider is PostgreSql.", [nameof(ConnectionString)]);
        }

        if (AdvertisedAddress is { Length: > 0 } advertised && !System.Net.IPAddress.TryParse(advertised, out _))
        {
            yield return new ValidationResult($"'{advertised}' is not an IP address.", [nameof(AdvertisedAddress)]);
        }

        if (ListenAddress is { Length: > 0 } listen && !System.Net.IPAddress.TryParse(listen, out _))
        {
            yield return new ValidationResult($"'{listen}' is not an IP address.", [nameof(ListenAddress)]);
        }

        if (FeedLeaseRenewInterval >= FeedLeaseDuration)
        {
            yield return new ValidationResult("The renew interval must be shorter than the lease duration.", [nameof(FeedLeaseRenewInterval)]);
        }
    }
}
