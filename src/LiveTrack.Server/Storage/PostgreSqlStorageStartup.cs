using Microsoft.Extensions.Options;
using Npgsql;

namespace LiveTrack.Server.Storage;

/// <summary>
/// Applies the stores' schema before the catalogs load (registered first among the hosted services); a database that
/// cannot be prepared within <see cref="Timeout"/> stops the start with a problem naming
/// <c>LiveTrack:Storage:ConnectionString</c>.
/// </summary>
internal sealed class PostgreSqlStorageStartup(PostgreSqlStorage storage) : IHostedService
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await storage.Open(timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is NpgsqlException or OperationCanceledException or TimeoutException or ArgumentException)
        {
            var why = ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.Message;
            throw new OptionsValidationException(
                StorageOptions.SectionName,
                typeof(StorageOptions),
                [$"{StorageOptions.SectionName}:ConnectionString: the storage database could not be prepared: {why}"]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
