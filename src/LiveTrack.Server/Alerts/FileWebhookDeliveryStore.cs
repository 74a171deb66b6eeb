using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Alerts;

/// <summary>One JSON file per pending delivery in a folder (see <see cref="FileDocumentStore{T}"/>).</summary>
public sealed class FileWebhookDeliveryStore(string folder, ILogger<FileWebhookDeliveryStore> logger)
    : FileDocumentStore<PendingDelivery>(folder, d => d.Id, logger), IWebhookDeliveryStore;
