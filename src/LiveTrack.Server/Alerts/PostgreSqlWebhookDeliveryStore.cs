using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Alerts;

/// <summary>Pending webhook deliveries in the shared database (see <see cref="PostgreSqlDocumentStore{T}"/>).</summary>
public sealed class PostgreSqlWebhookDeliveryStore(PostgreSqlStorage storage) : PostgreSqlDocumentStore<PendingDelivery>(storage, "webhook-delivery", d => d.Id), IWebhookDeliveryStore;
