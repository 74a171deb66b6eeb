using LiveTrack.History.PostgreSql;
using LiveTrack.TestSupport;

namespace LiveTrack.History.Tests;

/// <summary>The store contract on PostgreSQL + PostGIS, on a server this test run starts (see <see cref="PostgresFixture"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlHistoryStoreTests(PostgresFixture postgres) : HistoryStoreContract
{
    private string connectionString = "";

    protected override async Task<IHistoryStore> CreateStore()
    {
        connectionString = await postgres.Server.CreateDatabaseAsync("history");
        return new PostgreSqlHistoryStore(connectionString);
    }

    protected override async Task<IHistoryStore> Reopen()
    {
        await Store.DisposeAsync();
        Store = new PostgreSqlHistoryStore(connectionString);
        await Store.InitializeAsync();
        return Store;
    }
}
