using System.Text.Json;
using LiveTrack.Alerting;
using LiveTrack.Server.Storage;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// Dead letters in the shared database: <c>livetrack_documents</c> rows of kind <c>dead-letter</c>, ordered by the
/// time they died (the row's version, in microseconds). Each change is one committed transaction; a re-send takes the
/// row with a DELETE, so of two silos re-sending one letter, one sends.
/// </summary>
public sealed class PostgreSqlDeadLetterStore(PostgreSqlStorage storage, IOptions<AlertOptions> options) : IDeadLetterStore
{
    private const string Kind = "dead-letter";
    private readonly int maxDeadLetters = options?.Value.MaxDeadLetters ?? throw new ArgumentNullException(nameof(options));

    public async Task<IReadOnlyList<DeadLetter>> List(CancellationToken cancellationToken)
    {
        await using var connection = await storage.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body::text FROM livetrack_documents WHERE kind = @kind ORDER BY version, id COLLATE \"C\"";
        command.Parameters.AddWithValue("kind", Kind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(JsonSerializer.Deserialize<DeadLetter>(reader.GetString(0), AlertJson.Options)!);
        }

        return letters;
    }

    public async Task Add(DeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await using var connection = await storage.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO livetrack_documents (kind, id, version, body) VALUES (@kind, @id, @version, @body)
                ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, body = excluded.body
                """;
            insert.Parameters.AddWithValue("kind", Kind);
            insert.Parameters.AddWithValue("id", letter.Id);
            insert.Parameters.AddWithValue("version", (letter.DeadAt - DateTimeOffset.UnixEpoch).Ticks / 10);
            insert.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(letter, AlertJson.Options));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var trim = connection.CreateCommand())
        {
            trim.Transaction = transaction;
            trim.CommandText = """
                DELETE FROM livetrack_documents WHERE kind = @kind AND id IN (
                    SELECT id FROM livetrack_documents WHERE kind = @kind ORDER BY version DESC, id COLLATE "C" DESC OFFSET @keep)
                """;
            trim.Parameters.AddWithValue("kind", Kind);
            trim.Parameters.AddWithValue("keep", maxDeadLetters);
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> Remove(string id, CancellationToken cancellationToken)
    {
        await using var connection = await storage.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM livetrack_documents WHERE kind = @kind AND id = @id";
        command.Parameters.AddWithValue("kind", Kind);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
