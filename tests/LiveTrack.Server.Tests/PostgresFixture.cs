using LiveTrack.TestSupport;

namespace LiveTrack.Server.Tests;

/// <summary>One real PostgreSQL server for the tests of a class; each store or server under test takes a new database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The connection string of a new, empty database.</summary>
    public Task<string> NewDatabase() => Server.CreateDatabaseAsync("livetrack");
}
