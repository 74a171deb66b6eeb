using LiveTrack.Server.Cluster;
using LiveTrack.TestSupport;
using Npgsql;

namespace LiveTrack.Cluster.Tests;

/// <summary>The feed lease table on a real PostgreSQL: one owner at a time, and the lease moves when its owner stops renewing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FeedLeaseTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task OnlyOneNodeHoldsAFeedAtATime()
    {
        var database = await Database();
        var nodes = Enumerable.Range(0, 8).Select(i => new PostgreSqlFeedLeases(database, "c1", $"node-{i}", Duration, Interval)).ToArray();
        try
        {
            var first = await Task.WhenAll(nodes.Select(n => n.TryAcquireAsync("receiver", CancellationToken.None)));
            var winner = Assert.Single(first, l => l.Held);
            Assert.All(first, l => Assert.Equal(winner.Owner, l.Owner));

            // The holder renews; everybody else still sees it as the owner.
            var holder = nodes.Single(n => n.NodeName == winner.Owner);
            Assert.True((await holder.TryAcquireAsync("receiver", CancellationToken.None)).Held);
            var again = await Task.WhenAll(nodes.Where(n => n != holder).Select(n => n.TryAcquireAsync("receiver", CancellationToken.None)));
            Assert.All(again, l => Assert.Equal((false, winner.Owner), (l.Held, l.Owner)));

            // Another feed, and the same feed in another cluster, are leased independently.
            Assert.True((await nodes[^1].TryAcquireAsync("poller", CancellationToken.None)).Held);
            await using var otherCluster = new PostgreSqlFeedLeases(database, "c2", "node-x", Duration, Interval);
            Assert.True((await otherCluster.TryAcquireAsync("receiver", CancellationToken.None)).Held);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TheLeaseMovesWhenItsOwnerStopsRenewingAndIsFreedAtRelease()
    {
        var database = await Database();
        await using var a = new PostgreSqlFeedLeases(database, "c1", "a", Duration, Interval);
        await using var b = new PostgreSqlFeedLeases(database, "c1", "b", Duration, Interval);
        Assert.True((await a.TryAcquireAsync("receiver", CancellationToken.None)).Held);
        Assert.Equal(new(false, "a"), await b.TryAcquireAsync("receiver", CancellationToken.None));

        // a stops renewing (as a killed silo does): b keeps asking and gets the lease once a's has expired.
        var expiresAt = await ExpiresAt(database);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Ingestion.FeedLease taken;
        while (!(taken = await b.TryAcquireAsync("receiver", guard.Token)).Held)
        {
            // a's, or nobody's in the instant between its expiry and b's next try.
            Assert.NotEqual("b", taken.Owner);
        }

        Assert.True(await DatabaseNow(database) >= expiresAt, "b took the lease before a's expired");
        Assert.Equal(new(false, "b"), await a.TryAcquireAsync("receiver", CancellationToken.None));

        // Released at shutdown: the next node takes it at once.
        await b.ReleaseAsync("receiver", CancellationToken.None);
        Assert.True((await a.TryAcquireAsync("receiver", CancellationToken.None)).Held);
    }

    private async Task<string> Database()
    {
        var database = await postgres.Server.CreateDatabaseAsync("leases");
        await ClusterSchema.ApplyAsync(database, CancellationToken.None);
        return database;
    }

    private static async Task<DateTime> ExpiresAt(string database) =>
        await Scalar<DateTime>(database, "SELECT expires_at FROM livetrack_feed_leases WHERE cluster_id = 'c1' AND feed_name = 'receiver'");

    private static async Task<DateTime> DatabaseNow(string database) => await Scalar<DateTime>(database, "SELECT now()");

    private static async Task<T> Scalar<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
