using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveTrack.Alerting;
using LiveTrack.Grains;
using LiveTrack.Server.Storage;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// Alert history in the shared database (<c>livetrack_alerts</c>): an alert counts as recorded once its row is
/// committed, and an id already stored is refused by the primary key (<c>ON CONFLICT DO NOTHING</c>), so a repeat
/// after a failover is recorded once. Queries read the database, so whichever silo hosts the journal sees every
/// alert. The cursor is the row's position, which only grows, so pages stay stable while new alerts arrive. Like the
/// file store it keeps the newest <see cref="AlertOptions.MaxHistory"/> alerts: each recorded alert deletes, in the
/// same transaction, the rows older than that (through the position index, so the table never grows past it).
/// </summary>
public sealed class PostgreSqlAlertStore(PostgreSqlStorage storage, IOptions<AlertOptions> options) : IAlertStore
{
    private const int MaxPage = 1000;
    private readonly int maxHistory = options.Value.MaxHistory;

    public async Task<bool> Append(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await using var connection = await storage.Open(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO livetrack_alerts (id, rule_id, icao, raised_at, body) VALUES (@id, @rule, @icao, @raised, @body)
            ON CONFLICT (id) DO NOTHING
            """;
        command.Parameters.AddWithValue("id", alert.Id);
        command.Parameters.AddWithValue("rule", alert.RuleId);
        command.Parameters.AddWithValue("icao", alert.Icao);
        command.Parameters.AddWithValue("raised", alert.RaisedAt.UtcDateTime);
        command.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(alert, AlertJson.Options));
        await using var transaction = await connection.BeginTransactionAsync();
        command.Transaction = transaction;
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            return false;
        }

        // Older than the newest maxHistory: the row maxHistory places below the newest and everything under it.
        await using var trim = connection.CreateCommand();
        trim.Transaction = transaction;
        trim.CommandText = """
            DELETE FROM livetrack_alerts
            WHERE position <= (SELECT position FROM livetrack_alerts ORDER BY position DESC OFFSET @keep LIMIT 1)
            """;
        trim.Parameters.AddWithValue("keep", maxHistory);
        await trim.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return true;
    }

    public async Task<AlertPage> Query(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxPage);
        var before = query.Cursor is { } cursor && long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : long.MaxValue;
        await using var connection = await storage.Open(CancellationToken.None);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT position, body::text FROM livetrack_alerts WHERE position < @before");
        command.Parameters.AddWithValue("before", before);
        if (query.RuleId is { } ruleId)
        {
            sql.Append(" AND rule_id = @rule");
            command.Parameters.AddWithValue("rule", ruleId);
        }

        if (query.Icao is { } icao)
        {
            sql.Append(" AND icao = @icao");
            command.Parameters.AddWithValue("icao", icao);
        }

        if (query.From is { } from)
        {
            sql.Append(" AND raised_at >= @from");
            command.Parameters.AddWithValue("from", from.UtcDateTime);
        }

        if (query.To is { } to)
        {
            sql.Append(" AND raised_at < @to");
            command.Parameters.AddWithValue("to", to.UtcDateTime);
        }

        sql.Append(" ORDER BY position DESC LIMIT @take");
        command.Parameters.AddWithValue("take", limit + 1);
        command.CommandText = sql.ToString();
        var page = new List<Alert>(Math.Min(limit, 64));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var position = reader.GetInt64(0);
            if (page.Count == limit)
            {
                // One more match exists: the next page starts with it (the cursor is exclusive).
                return new AlertPage([.. page], (position + 1).ToString(CultureInfo.InvariantCulture));
            }

            page.Add(JsonSerializer.Deserialize<Alert>(reader.GetString(1), AlertJson.Options)!);
        }

        return new AlertPage([.. page], null);
    }

    public async Task<Alert?> Find(string alertId)
    {
        await using var connection = await storage.Open(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body::text FROM livetrack_alerts WHERE id = @id";
        command.Parameters.AddWithValue("id", alertId);
        return await command.ExecuteScalarAsync() is string json ? JsonSerializer.Deserialize<Alert>(json, AlertJson.Options) : null;
    }
}
