using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// Where webhook deliveries wait until they are acknowledged (see <see cref="PendingDelivery"/>), and which node is
/// attempting each one: a node claims a delivery (a lease) before each attempt, so of several nodes sharing the store
/// one at a time sends it.
/// </summary>
public interface IWebhookDeliveryStore : IDocumentStore<PendingDelivery>
{
    /// <summary>Whether other nodes use this store too (a shared database); false for the files of one node.</summary>
    bool IsShared { get; }

    /// <summary>
    /// Takes or renews the lease on a queued delivery for <paramref name="leaseDuration"/>: true when nobody holds it,
    /// its lease has expired (by the store's clock) or <paramref name="owner"/> already holds it; false when another
    /// owner's lease is live or the delivery is no longer queued. A store of one node always grants it.
    /// </summary>
    Task<bool> TryClaim(string id, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Gives up <paramref name="owner"/>'s lease on a delivery (nothing when another owner holds it).</summary>
    Task Release(string id, string owner, CancellationToken cancellationToken);

    /// <summary>The queued deliveries <paramref name="owner"/> could claim: unleased, expired, or its own.</summary>
    Task<IReadOnlyList<PendingDelivery>> LoadClaimable(string owner, CancellationToken cancellationToken);
}
