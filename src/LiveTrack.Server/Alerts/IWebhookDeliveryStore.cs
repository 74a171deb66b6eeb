using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Alerts;

/// <summary>Where webhook deliveries wait until they are acknowledged (see <see cref="PendingDelivery"/>).</summary>
public interface IWebhookDeliveryStore : IDocumentStore<PendingDelivery>;
