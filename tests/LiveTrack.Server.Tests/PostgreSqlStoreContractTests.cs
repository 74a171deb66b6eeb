using LiveTrack.Grains;
using LiveTrack.Server.Alerts;
using LiveTrack.Server.Geofences;
using LiveTrack.Server.Storage;
using LiveTrack.TestSupport;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Tests;

/// <summary>
/// <see cref="StoreContractTests"/> on the PostgreSQL stores (a real server; each store in a new database, its schema
/// applied by the store on first use).
/// </summary>
public sealed class PostgreSqlStoreContractTests(PostgresFixture postgres) : StoreContractTests, IClassFixture<PostgresFixture>
{
    private async Task<PostgreSqlStorage> Storage() => new(await postgres.NewDatabase());

    protected override async Task<IGeofenceStore> Fences() => new PostgreSqlGeofenceStore(await Storage());

    protected override async Task<IRuleStore> Rules() => new PostgreSqlRuleStore(await Storage());

    protected override async Task<IWebhookDeliveryStore> Deliveries() => new PostgreSqlWebhookDeliveryStore(await Storage());

    protected override async Task<IAlertStore> Alerts(int maxHistory = 10_000) =>
        new PostgreSqlAlertStore(await Storage(), Options.Create(new AlertOptions { MaxHistory = maxHistory }));

    protected override async Task<IDeadLetterStore> DeadLetters(int keep) =>
        new PostgreSqlDeadLetterStore(await Storage(), Options.Create(new AlertOptions { MaxDeadLetters = keep }));

    [Fact]
    public async Task A_multi_document_save_that_fails_part_way_saves_none_of_them()
    {
        var store = await Fences();
        var existing = new StoredGeofence("kept", """{"type":"Feature","id":"kept"}""", DateTimeOffset.UnixEpoch) { Version = 1 };
        await store.Save(existing, CancellationToken.None);
        var replacement = existing with { GeoJson = """{"type":"Feature","id":"kept","replaced":true}""", Version = 2 };
        var added = new StoredGeofence("added", """{"type":"Feature","id":"added"}""", DateTimeOffset.UnixEpoch) { Version = 2 };

        // PostgreSQL's jsonb refuses a NUL character: the third document fails after the first two were written.
        var refused = new StoredGeofence("refused", "bad\0", DateTimeOffset.UnixEpoch) { Version = 2 };
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => store.SaveAll([replacement, added, refused], CancellationToken.None));

        Assert.Equal([existing], await store.LoadAll(CancellationToken.None));
    }

    [Fact]
    public async Task Another_node_claims_a_delivery_only_once_its_owners_lease_has_expired()
    {
        var store = await Deliveries();
        Assert.True(store.IsShared);
        await store.Save(NewDelivery("d1"), CancellationToken.None);
        Assert.True(await store.TryClaim("d1", "silo-a", Lease, CancellationToken.None));

        Assert.False(await store.TryClaim("d1", "silo-b", Lease, CancellationToken.None));
        Assert.Empty(await store.LoadClaimable("silo-b", CancellationToken.None));

        // The owner renews for a moment only: once that lease has expired (the database's clock), the other node
        // wins, and the old owner has lost it.
        Assert.True(await store.TryClaim("d1", "silo-a", TimeSpan.FromMilliseconds(200), CancellationToken.None));
        await WaitUntil(() => store.TryClaim("d1", "silo-b", Lease, CancellationToken.None));
        Assert.False(await store.TryClaim("d1", "silo-a", Lease, CancellationToken.None));
        Assert.Empty(await store.LoadClaimable("silo-a", CancellationToken.None));
        Assert.Equal(["d1"], (await store.LoadClaimable("silo-b", CancellationToken.None)).Select(d => d.Id));
    }

    [Fact]
    public async Task A_delivery_finished_and_released_elsewhere_cannot_be_claimed()
    {
        var store = await Deliveries();
        await store.Save(NewDelivery("d1"), CancellationToken.None);
        Assert.True(await store.TryClaim("d1", "silo-a", Lease, CancellationToken.None));

        // As the dispatcher finishes a delivery: removed from the queue, then its lease released.
        Assert.True(await store.Delete("d1", CancellationToken.None));
        await store.Release("d1", "silo-a", CancellationToken.None);

        Assert.False(await store.TryClaim("d1", "silo-b", Lease, CancellationToken.None));
        Assert.False(await store.TryClaim("never-queued", "silo-b", Lease, CancellationToken.None));
        Assert.Empty(await store.LoadClaimable("silo-b", CancellationToken.None));
    }

    /// <summary>Asks again every 50 ms (the cadence of the question) until the answer is yes; gives up after 30 s.</summary>
    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            await poll.WaitForNextTickAsync(timeout.Token);
        }
    }
}
