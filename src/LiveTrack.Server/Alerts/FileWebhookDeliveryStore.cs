using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// One JSON file per pending delivery in a folder (see <see cref="FileDocumentStore{T}"/>). The folder is one node's:
/// every claim is granted and every queued delivery is claimable.
/// </summary>
public sealed class FileWebhookDeliveryStore(string folder, ILogger<FileWebhookDeliveryStore> logger)
    : FileDocumentStore<PendingDelivery>(folder, d => d.Id, logger), IWebhookDeliveryStore
{
    public bool IsShared => false;

    public Task<bool> TryClaim(string id, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task Release(string id, string owner, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<PendingDelivery>> LoadClaimable(string owner, CancellationToken cancellationToken) => LoadAll(cancellationToken);
}
