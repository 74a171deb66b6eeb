using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace LiveTrack.Server.Storage;

/// <summary>
/// Documents in the shared database: one <c>livetrack_documents</c> row per (<paramref name="kind"/>, id) with the same
/// JSON the file store writes. A save is one atomic upsert that keeps the higher version (see
/// <see cref="IDocumentStore{T}.Save"/>), so silos writing concurrently never undo a newer document; it is
/// acknowledged once committed. <see cref="SaveAll"/> commits several documents in one transaction (all or none).
/// </summary>
public class PostgreSqlDocumentStore<T>(PostgreSqlStorage storage, string kind, Func<T, string> idOf, Func<T, long>? versionOf = null) : IDocumentStore<T> where T : class
{
    public async Task<IReadOnlyList<T>> LoadAll(CancellationToken cancellationToken)
    {
        await using var connection = await storage.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body::text FROM livetrack_documents WHERE kind = @kind ORDER BY id COLLATE \"C\"";
        command.Parameters.AddWithValue("kind", kind);
        return await ReadDocuments(command, cancellationToken);
    }

    /// <summary>The documents of a query whose first column is a document's JSON body, in the query's order.</summary>
    protected static async Task<IReadOnlyList<T>> ReadDocuments(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JsonSerializer.Deserialize<T>(reader.GetString(0)) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public async Task<T?> Load(string id, CancellationToken cancellationToken)
    {
        await using var connection = await storage.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body::text FROM livetrack_documents WHERE kind = @kind AND id = @id";
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<T>(json) : null;
    }

    public Task Save(T document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return SaveAll([document], cancellationToken);
    }

    /// <summary>Stores the documents in one transaction: all of them or, when one cannot be saved, none.</summary>
    public async Task SaveAll(IReadOnlyList<T> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            ArgumentNullException.ThrowIfNull(document, nameof(documents));
            if (idOf(document) is { Length: 0 or > 200 } id)
            {
                throw new ArgumentException($"'{id}' is not a valid document id.", nameof(documents));
            }
        }

        await using var connection = await storage.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var document in documents)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO livetrack_documents (kind, id, version, body) VALUES (@kind, @id, @version, @body)
                ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, body = excluded.body
                WHERE livetrack_documents.version <= excluded.version
                """;
            command.Parameters.AddWithValue("kind", kind);
            command.Parameters.AddWithValue("id", idOf(document));
            command.Parameters.AddWithValue("version", versionOf?.Invoke(document) ?? 0L);
            command.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(document));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> Delete(string id, CancellationToken cancellationToken)
    {
        await using var connection = await storage.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM livetrack_documents WHERE kind = @kind AND id = @id";
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
