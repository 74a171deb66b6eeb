using LiveTrack.TestSupport;

namespace LiveTrack.Server.Tests;

/// <summary>
/// <see cref="RestartTests"/> for the whole cluster profile: a one-silo cluster on PostgreSQL (membership, reminders
/// and grain state there too, nothing under a local state path) stopped and started again. The rule grains' timers
/// and cooldowns and the aircraft's fence membership come back from the database alone.
/// </summary>
public sealed class PostgreSqlClusterRestartTests(PostgresFixture postgres) : RestartTests, IClassFixture<PostgresFixture>
{
    protected override async Task<Dictionary<string, string?>> StorageSettings()
    {
        var database = await postgres.NewDatabase();
        return new()
        {
            ["LiveTrack:Cluster:Provider"] = "PostgreSql",
            ["LiveTrack:Cluster:ConnectionString"] = database,
            ["LiveTrack:Cluster:ClusterId"] = $"restart-{Guid.NewGuid():N}",
            ["LiveTrack:Storage:Provider"] = "PostgreSql",
            ["LiveTrack:Storage:ConnectionString"] = database,
        };
    }
}
