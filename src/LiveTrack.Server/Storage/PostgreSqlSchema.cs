using System.Reflection;
using Npgsql;

namespace LiveTrack.Server.Storage;

/// <summary>
/// Applies a set of LiveTrack's own idempotent SQL scripts (embedded resources, in name order) in one transaction,
/// under a PostgreSQL advisory lock, so processes starting together apply them one at a time. Used for the cluster
/// schema (<see cref="Cluster.ClusterSchema"/>) and the stores' schema (<see cref="PostgreSqlStorage"/>).
/// </summary>
public static class PostgreSqlSchema
{
    /// <summary>Advisory lock key ("LTSCHEMA" as ASCII) held while scripts run.</summary>
    private const long LockKey = 0x4C54534348454D41;

    /// <summary>Applies the scripts in one transaction.</summary>
    public static async Task ApplyAsync(string connectionString, IReadOnlyList<(string Name, string Sql)> scripts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (_, sql) in scripts)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The embedded <c>*.sql</c> resources whose names start with <paramref name="resourcePrefix"/>, in name order.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Load(string resourcePrefix)
    {
        var assembly = typeof(PostgreSqlSchema).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[resourcePrefix.Length..], Read(assembly, n)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
