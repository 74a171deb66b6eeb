namespace LiveTrack.Grains;

/// <summary>
/// The silo-local receiver of the cluster's traffic changes (the host's SignalR relay, or a test recorder). Register
/// one in the silo's services; a silo without one ignores traffic.
/// </summary>
public interface ITrafficObserver
{
    Task OnTraffic(TrafficBatch batch);
}
