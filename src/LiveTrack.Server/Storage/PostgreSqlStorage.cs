using Npgsql;

namespace LiveTrack.Server.Storage;

/// <summary>
/// The shared database of the PostgreSQL stores (<see cref="StorageOptions.ConnectionString"/>): one connection pool,
/// and the stores' schema (embedded <c>Storage/Sql/*.sql</c>, idempotent) applied once per process before the first
/// use, whatever the cluster provider.
/// </summary>
public sealed class PostgreSqlStorage : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly string connectionString;
    private readonly Lock gate = new();
    private Task? schema;

    public PostgreSqlStorage(string connectionString)
    {
        dataSource = NpgsqlDataSource.Create(connectionString);
        this.connectionString = connectionString;
    }

    /// <summary>The stores' scripts, in the order they are applied.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = PostgreSqlSchema.Load("LiveTrack.Server.Storage.Sql.");

    /// <summary>An open connection to a database with the stores' schema.</summary>
    public async Task<NpgsqlConnection> Open(CancellationToken cancellationToken)
    {
        await Schema().WaitAsync(cancellationToken);
        return await dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>The schema step: started once, started again after a failure (the database was not reachable yet).</summary>
    private Task Schema()
    {
        lock (gate)
        {
            if (schema is null || schema.IsFaulted || schema.IsCanceled)
            {
                schema = PostgreSqlSchema.ApplyAsync(connectionString, Scripts, CancellationToken.None);
            }

            return schema;
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
