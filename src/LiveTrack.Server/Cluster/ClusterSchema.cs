using LiveTrack.Server.Hosting;
using LiveTrack.Server.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LiveTrack.Server.Cluster;

/// <summary>
/// LiveTrack's own PostgreSQL schema for the cluster profile (embedded <c>Cluster/Sql/*.sql</c>, applied in name
/// order): the <c>OrleansQuery</c> statements the ADO.NET membership, reminder and grain storage providers run, their
/// tables, and the feed lease table. Every script is idempotent; silos starting together apply it one at a time
/// under a PostgreSQL advisory lock (<see cref="PostgreSqlSchema"/>).
/// </summary>
public static class ClusterSchema
{
    /// <summary>The scripts' names and text, in the order they are applied.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = PostgreSqlSchema.Load("LiveTrack.Server.Cluster.Sql.");

    /// <summary>Applies every script in one transaction (see <see cref="PostgreSqlSchema"/>). Throws when the database cannot be reached in time.</summary>
    public static Task ApplyAsync(string connectionString, CancellationToken cancellationToken) =>
        PostgreSqlSchema.ApplyAsync(connectionString, Scripts, cancellationToken);

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
}
