using System.Reflection;
using LiveTrack.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LiveTrack.Server.Cluster;

/// <summary>
/// LiveTrack's own PostgreSQL schema for the cluster profile (embedded <c>Cluster/Sql/*.sql</c>, applied in name
/// order): the <c>OrleansQuery</c> statements the ADO.NET membership, reminder and grain storage providers run, their
/// tables, and the feed lease table. Every script is idempotent; silos starting together apply it one at a time
/// under a PostgreSQL advisory lock.
/// </summary>
public static class ClusterSchema
{
    /// <summary>Advisory lock key ("LTSCHEMA" as ASCII) held while the scripts run.</summary>
    private const long LockKey = 0x4C54534348454D41;

    private const string ResourcePrefix = "LiveTrack.Server.Cluster.Sql.";

    /// <summary>The scripts' names and text, in the order they are applied.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = Load();

    /// <summary>Applies every script in one transaction. Throws when the database cannot be reached in time.</summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (_, sql) in Scripts)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The start-up step: connects and applies the schema (when <see cref="LiveTrackClusterOptions.ApplySchema"/>) within
    /// <see cref="LiveTrackClusterOptions.SchemaTimeout"/>; a failure is reported as a problem with the connection string.
    /// </summary>
    public static async Task PrepareAsync(LiveTrackClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.SchemaTimeout);
        try
        {
            if (options.ApplySchema)
            {
                await ApplyAsync(options.ConnectionString!, timeout.Token);
            }
            else
            {
                await using var connection = new NpgsqlConnection(options.ConnectionString);
                await connection.OpenAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is NpgsqlException or OperationCanceledException or TimeoutException or ArgumentException)
        {
            var why = ex is OperationCanceledException ? $"no answer within {options.SchemaTimeout.TotalSeconds:0.#} s ({LiveTrackClusterOptions.SectionName}:SchemaTimeout)" : ex.Message;
            throw new OptionsValidationException(
                LiveTrackClusterOptions.SectionName,
                typeof(LiveTrackClusterOptions),
                [$"{LiveTrackClusterOptions.SectionName}:ConnectionString: the cluster database could not be {(options.ApplySchema ? "prepared" : "reached")}: {why}"]);
        }
    }

    private static List<(string Name, string Sql)> Load()
    {
        var assembly = typeof(ClusterSchema).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[ResourcePrefix.Length..], Read(assembly, n)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
