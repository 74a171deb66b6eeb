using LiveTrack.Grains;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// This silo's receiver of the cluster-wide traffic fan-out: keeps <see cref="LiveTraffic"/> current and hands each
/// change to the subscribed hub connections on this silo. Registered with the directory grain by the silo.
/// </summary>
internal sealed class HubTrafficObserver(LiveTraffic traffic, ClientSubscriptions clients) : ITrafficObserver
{
    public Task OnTraffic(TrafficBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var snapshot in batch.Updated)
        {
            traffic.Update(snapshot);
        }

        foreach (var snapshot in batch.Lost)
        {
            traffic.Remove(snapshot.Icao);
        }

        clients.Offer(batch);
        return Task.CompletedTask;
    }
}
