using System.Collections.Concurrent;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// What each hub connection subscribed to, and what is waiting to be sent to it. Per client, only the latest
/// snapshot of each aircraft waits: a slow client has older positions replaced (and counted as dropped), so its
/// memory is bounded by the aircraft in its subscriptions and it never slows ingestion or other clients.
/// A <see cref="SubscriptionIndex"/> of everyone's subscriptions picks, per change, the clients it could concern,
/// so a batch costs in proportion to what is delivered rather than to clients × changes.
/// </summary>
public sealed class ClientSubscriptions
{
    private readonly ConcurrentDictionary<string, TrackingClient> clients = new(StringComparer.Ordinal);
    private readonly SubscriptionIndex index = new();

    public int Count => clients.Count;

    /// <summary>The connection's client, created (and indexed) on first use.</summary>
    public TrackingClient Connect(string connectionId)
    {
        if (clients.TryGetValue(connectionId, out var client))
        {
            return client;
        }

        // Under the index's gate so exactly one client per connection is created and indexed.
        lock (index.Gate)
        {
            if (!clients.TryGetValue(connectionId, out client))
            {
                client = new TrackingClient(connectionId, index);
                index.Attach(client);
                clients[connectionId] = client;
            }

            return client;
        }
    }

    /// <summary>Forgets the connection: it is no longer offered anything, and its subscriptions leave the index.</summary>
    public void Disconnect(string connectionId)
    {
        lock (index.Gate)
        {
            if (clients.TryRemove(connectionId, out var client))
            {
                index.Detach(client);
            }
        }
    }

    public TrackingClient? Find(string connectionId) => clients.GetValueOrDefault(connectionId);

    public ICollection<TrackingClient> All => clients.Values;

    /// <summary>Subscriptions in the index (every kind, every client).</summary>
    internal int IndexedSubscriptions => index.Registrations;

    /// <summary>
    /// Hands each client the changes that could concern it. Offers are serialized (the index's gate is held for the
    /// whole batch); subscription changes wait for the batch in progress.
    /// </summary>
    public void Offer(TrafficBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        index.Offer(batch);
    }
}
