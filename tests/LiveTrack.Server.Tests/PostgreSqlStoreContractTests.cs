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
}
