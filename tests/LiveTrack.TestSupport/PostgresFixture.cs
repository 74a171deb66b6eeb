using Xunit;

namespace LiveTrack.TestSupport;

/// <summary>
/// One real PostgreSQL server (<see cref="PostgresServer"/>) for the tests of a class or collection; each store, silo
/// or server under test takes a new database on it.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The connection string of a new, empty database.</summary>
    public Task<string> NewDatabase() => Server.CreateDatabaseAsync("livetrack");
}
