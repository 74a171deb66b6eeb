using LiveTrack.TestSupport;

namespace LiveTrack.Server.Tests;

/// <summary>
/// <see cref="RestartTests"/> with <c>Storage:Provider=PostgreSql</c>: fences, rules, alert history, dead letters and
/// the webhook queue in a real PostgreSQL database (a new one per test); grain state in files (localhost clustering).
/// </summary>
public sealed class PostgreSqlRestartTests(PostgresFixture postgres) : RestartTests, IClassFixture<PostgresFixture>
{
    protected override async Task<Dictionary<string, string?>> StorageSettings() => new()
    {
        ["LiveTrack:Storage:Provider"] = "PostgreSql",
        ["LiveTrack:Storage:ConnectionString"] = await postgres.NewDatabase(),
        ["LiveTrack:Storage:StatePath"] = Path.Combine(Path.GetTempPath(), $"livetrack-restart-{Guid.NewGuid():N}", "state"),
    };
}
