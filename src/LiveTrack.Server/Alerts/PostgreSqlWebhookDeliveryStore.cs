using LiveTrack.Server.Storage;
using Npgsql;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// Pending webhook deliveries in the shared database (see <see cref="PostgreSqlDocumentStore{T}"/>), with a lease per
/// delivery in <c>livetrack_delivery_leases</c>: taken or renewed in one statement, expiry judged by the database's
/// clock (<c>now()</c>), so the nodes' clocks need not agree and two nodes never both hold a live lease.
/// </summary>
public sealed class PostgreSqlWebhookDeliveryStore : PostgreSqlDocumentStore<PendingDelivery>, IWebhookDeliveryStore
{
    private const string Kind = "webhook-delivery";

    private const string ClaimSql = """
        INSERT INTO livetrack_delivery_leases (id, owner, until) VALUES (@id, @owner, now() + @duration)
        ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, until = excluded.until
            WHERE livetrack_delivery_leases.owner = excluded.owner OR livetrack_delivery_leases.until < now()
        RETURNING owner
        """;

    // Checked after the claim, in a statement of its own: a delivery finished elsewhere is deleted before its lease is
    // released, so a claim won on a released lease sees that the delivery is gone.
    private const string QueuedSql = "SELECT EXISTS (SELECT 1 FROM livetrack_documents WHERE kind = @kind AND id = @id)";

    private const string ReleaseSql = "DELETE FROM livetrack_delivery_leases WHERE id = @id AND owner = @owner";

    private const string ClaimableSql = """
        SELECT d.body::text FROM livetrack_documents d
        LEFT JOIN livetrack_delivery_leases l ON l.id = d.id
        WHERE d.kind = @kind AND (l.id IS NULL OR l.until < now() OR l.owner = @owner)
        ORDER BY d.id COLLATE "C"
        """;

    private readonly PostgreSqlStorage storage;

    public PostgreSqlWebhookDeliveryStore(PostgreSqlStorage storage)
        : base(storage, Kind, d => d.Id) => this.storage = storage;

    public bool IsShared => true;

    public async Task<bool> TryClaim(string id, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        await using var connection = await storage.Open(cancellationToken);
        await using (var claim = connection.CreateCommand())
        {
            claim.CommandText = ClaimSql;
            claim.Parameters.AddWithValue("id", id);
            claim.Parameters.AddWithValue("owner", owner);
            claim.Parameters.AddWithValue("duration", leaseDuration);
            if (await claim.ExecuteScalarAsync(cancellationToken) is not string)
            {
                return false;
            }
        }

        await using (var queued = connection.CreateCommand())
        {
            queued.CommandText = QueuedSql;
            queued.Parameters.AddWithValue("kind", Kind);
            queued.Parameters.AddWithValue("id", id);
            if (await queued.ExecuteScalarAsync(cancellationToken) is true)
            {
                return true;
            }
        }

        await Release(connection, id, owner, cancellationToken);
        return false;
    }

    public async Task Release(string id, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await storage.Open(cancellationToken);
        await Release(connection, id, owner, cancellationToken);
    }

    public async Task<IReadOnlyList<PendingDelivery>> LoadClaimable(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await storage.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ClaimableSql;
        command.Parameters.AddWithValue("kind", Kind);
        command.Parameters.AddWithValue("owner", owner);
        return await ReadDocuments(command, cancellationToken);
    }

    private static async Task Release(NpgsqlConnection connection, string id, string owner, CancellationToken cancellationToken)
    {
        await using var release = connection.CreateCommand();
        release.CommandText = ReleaseSql;
        release.Parameters.AddWithValue("id", id);
        release.Parameters.AddWithValue("owner", owner);
        await release.ExecuteNonQueryAsync(cancellationToken);
    }
}
