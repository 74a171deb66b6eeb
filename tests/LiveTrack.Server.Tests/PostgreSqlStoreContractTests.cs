using LiveTrack.Grains;
using LiveTrack.Server.Alerts;
using LiveTrack.Server.Geofences;
using LiveTrack.Server.Storage;
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

    protected override async Task<IAlertStore> Alerts() => new PostgreSqlAlertStore(await Storage());

    protected override async Task<IDeadLetterStore> DeadLetters(int keep) =>
        new PostgreSqlDeadLetterStore(await Storage(), Options.Create(new AlertOptions { MaxDeadLetters = keep }));
}
