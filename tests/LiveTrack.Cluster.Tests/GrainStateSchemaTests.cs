using LiveTrack.Grains;
using LiveTrack.Server.Cluster;
using LiveTrack.Server.Hosting;
using LiveTrack.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Storage;

namespace LiveTrack.Cluster.Tests;

/// <summary>LiveTrack's cluster schema on a real PostgreSQL: idempotent, and what Orleans needs to keep grain state.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStateSchemaTests(PostgresFixture postgres)
{
    /// <summary>Every statement Orleans' ADO.NET membership, reminder and grain storage providers look up.</summary>
    private static readonly string[] QueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey",
        "ReadRangeRows1Key", "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
    ];

    [Fact]
    public async Task The_schema_applied_again_and_by_silos_starting_together_changes_nothing()
    {
        var database = await postgres.Server.CreateDatabaseAsync("schema");
        await ClusterSchema.ApplyAsync(database, CancellationToken.None);
        var first = await Queries(database);
        Assert.Equal(QueryKeys.Order(StringComparer.Ordinal), first.Keys.Order(StringComparer.Ordinal));

        // Three silos starting at once: the advisory lock lets one apply at a time, none fails.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ClusterSchema.ApplyAsync(database, CancellationToken.None)));
        Assert.Equal(first, await Queries(database));
    }

    [Fact]
    public async Task Grain_state_written_through_the_cluster_storage_survives_a_silo_restart()
    {
        var database = await postgres.Server.CreateDatabaseAsync("state");
        var grain = GrainId.Create("livetrack-test", "rule-1");
        string etag;
        await using (var silo = await StartSilo(database))
        {
            var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(LiveTrackStorage.StateName);
            var state = new GrainState<string> { State = "cooldown until 12:00" };
            await storage.WriteStateAsync("timers", grain, state);
            state.State = "cooldown until 12:05";
            await storage.WriteStateAsync("timers", grain, state);
            etag = state.ETag!;

            // A writer holding an old version is refused, so a moved grain never overwrites newer state.
            var stale = new GrainState<string> { State = "stale", ETag = "1" };
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("timers", grain, stale));
        }

        await using (var restarted = await StartSilo(database))
        {
            var storage = restarted.Services.GetRequiredKeyedService<IGrainStorage>(LiveTrackStorage.StateName);
            var read = new GrainState<string>();
            await storage.ReadStateAsync("timers", grain, read);
            Assert.True(read.RecordExists);
            Assert.Equal("cooldown until 12:05", read.State);
            Assert.Equal(etag, read.ETag);
        }
    }

    /// <summary>A one-silo cluster registered exactly as the server's PostgreSql profile does (schema applied at start).</summary>
    private static Task<SiloHost> StartSilo(string database) => SiloPorts.StartAsync(port => StartSilo(database, port));

    private static async Task<SiloHost> StartSilo(string database, int siloPort)
    {
        var options = new LiveTrackClusterOptions
        {
            Provider = ClusterProvider.PostgreSql,
            ConnectionString = database,
            SiloPort = siloPort,
            GatewayPort = 0,
            NodeName = "schema-test",
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(Options.Create(options));
        builder.UseOrleans(silo => silo.AddLiveTrackCluster(options));
        var host = builder.Build();
        await host.StartAsync();
        return new SiloHost(host);
    }

    private static async Task<Dictionary<string, string>> Queries(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            queries[reader.GetString(0)] = reader.GetString(1);
        }

        return queries;
    }

    private sealed class SiloHost(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
