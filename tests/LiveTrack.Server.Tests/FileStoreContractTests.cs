using LiveTrack.Grains;
using LiveTrack.Server.Alerts;
using LiveTrack.Server.Geofences;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Tests;

/// <summary><see cref="StoreContractTests"/> on the file stores (one JSON file per document, in a fresh folder).</summary>
public sealed class FileStoreContractTests : StoreContractTests
{
    private static string Folder() => Path.Combine(Path.GetTempPath(), $"livetrack-contract-{Guid.NewGuid():N}");

    protected override Task<IGeofenceStore> Fences() => Task.FromResult<IGeofenceStore>(new FileGeofenceStore(Folder(), NullLogger<FileGeofenceStore>.Instance));

    protected override Task<IRuleStore> Rules() => Task.FromResult<IRuleStore>(new FileRuleStore(Folder(), NullLogger<FileRuleStore>.Instance));

    protected override Task<IWebhookDeliveryStore> Deliveries() => Task.FromResult<IWebhookDeliveryStore>(new FileWebhookDeliveryStore(Folder(), NullLogger<FileWebhookDeliveryStore>.Instance));

    protected override Task<IAlertStore> Alerts(int maxHistory = 10_000) =>
        Task.FromResult<IAlertStore>(new FileAlertStore(Options.Create(new AlertOptions { HistoryPath = Folder(), MaxHistory = maxHistory }), NullLogger<FileAlertStore>.Instance));

    protected override Task<IDeadLetterStore> DeadLetters(int keep) =>
        Task.FromResult<IDeadLetterStore>(new FileDeadLetterStore(Options.Create(new AlertOptions { HistoryPath = Folder(), MaxDeadLetters = keep }), TimeProvider.System, NullLogger<FileDeadLetterStore>.Instance));

    [Fact]
    public async Task One_nodes_delivery_files_grant_every_claim()
    {
        var store = await Deliveries();
        await store.Save(NewDelivery("d1"), CancellationToken.None);

        Assert.False(store.IsShared);
        Assert.True(await store.TryClaim("d1", "silo-a", Lease, CancellationToken.None));
        Assert.True(await store.TryClaim("d1", "silo-b", Lease, CancellationToken.None));
        Assert.Equal(["d1"], (await store.LoadClaimable("silo-a", CancellationToken.None)).Select(d => d.Id));
    }
}
