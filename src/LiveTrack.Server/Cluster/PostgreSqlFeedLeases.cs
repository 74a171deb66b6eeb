using LiveTrack.Ingestion;
using LiveTrack.Server.Hosting;
using Npgsql;

namespace LiveTrack.Server.Cluster;

/// <summary>
/// Feed leases in <c>livetrack_feed_leases</c> (cluster profile). A node takes a feed's lease when nobody holds it or
/// the holder's lease has expired, and renews its own; the database's clock decides expiry, so silos' clocks need
/// not agree. One statement takes or renews a lease, so two nodes never both hold it.
/// </summary>
public sealed class PostgreSqlFeedLeases : IFeedLeases, IAsyncDisposable
{
    private const string AcquireSql = """
        INSERT INTO livetrack_feed_leases (cluster_id, feed_name, owner_node, expires_at)
        VALUES (@cluster, @feed, @node, now() + @duration)
        ON CONFLICT (cluster_id, feed_name) DO UPDATE
            SET owner_node = excluded.owner_node, expires_at = excluded.expires_at
            WHERE livetrack_feed_leases.owner_node = excluded.owner_node OR livetrack_feed_leases.expires_at < now()
        RETURNING owner_node
        """;

    private const string OwnerSql = "SELECT owner_node FROM livetrack_feed_leases WHERE cluster_id = @cluster AND feed_name = @feed AND expires_at >= now()";

    private const string ReleaseSql = "DELETE FROM livetrack_feed_leases WHERE cluster_id = @cluster AND feed_name = @feed AND owner_node = @node";

    private readonly NpgsqlDataSource dataSource;
    private readonly string clusterId;

    public PostgreSqlFeedLeases(string connectionString, string clusterId, string nodeName, TimeSpan duration, TimeSpan renewInterval)
    {
        dataSource = NpgsqlDataSource.Create(connectionString);
        this.clusterId = clusterId;
        NodeName = nodeName;
        Duration = duration;
        RenewInterval = renewInterval;
    }

    public PostgreSqlFeedLeases(LiveTrackClusterOptions options)
        : this(Required(options).ConnectionString!, options.ClusterId, options.EffectiveNodeName, options.FeedLeaseDuration, options.FeedLeaseRenewInterval)
    {
    }

    public string NodeName { get; }

    public bool Exclusive => true;

    public TimeSpan Duration { get; }

    public TimeSpan RenewInterval { get; }

    public async Task<FeedLease> TryAcquireAsync(string feed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var acquire = Command(AcquireSql, connection, feed))
        {
            acquire.Parameters.AddWithValue("duration", Duration);
            if (await acquire.ExecuteScalarAsync(cancellationToken) is string)
            {
                return new FeedLease(true, NodeName);
            }
        }

        await using var owner = Command(OwnerSql, connection, feed);
        return new FeedLease(false, await owner.ExecuteScalarAsync(cancellationToken) as string);
    }

    public async Task ReleaseAsync(string feed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var release = Command(ReleaseSql, connection, feed);
        await release.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private NpgsqlCommand Command(string sql, NpgsqlConnection connection, string feed)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("feed", feed);
        command.Parameters.AddWithValue("node", NodeName);
        return command;
    }

    private static LiveTrackClusterOptions Required(LiveTrackClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options;
    }
}
