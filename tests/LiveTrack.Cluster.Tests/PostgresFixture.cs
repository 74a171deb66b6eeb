using LiveTrack.TestSupport;

namespace LiveTrack.Cluster.Tests;

/// <summary>One real PostgreSQL server for the whole test run; each test takes a new database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
