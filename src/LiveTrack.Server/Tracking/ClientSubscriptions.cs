using System.Collections.Concurrent;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// What each hub connection subscribed to, and what is waiting to be sent to it. Per client, only the latest
/// snapshot of each aircraft waits: a slow client has older positions replaced (and counted as dropped), so its
/// memory is bounded by the aircraft in its subscriptions and it never slows ingestion or other clients.
/// </summary>
public sealed class ClientSubscriptions
{
    private readonly ConcurrentDictionary<string, TrackingClient> clients = new(StringComparer.Ordinal);

    public int Count => clients.Count;

    public TrackingClient Connect(string connectionId) => clients.GetOrAdd(connectionId, id => new TrackingClient(id));

    public void Disconnect(string connectionId) => clients.TryRemove(connectionId, out _);

    public TrackingClient? Find(string connectionId) => clients.GetValueOrDefault(connectionId);

    public ICollection<TrackingClient> All => clients.Values;

    public void Offer(TrafficBatch batch)
    {
        foreach (var client in clients.Values)
        {
            client.Offer(batch);
        }
    }
}
