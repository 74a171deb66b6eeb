namespace LiveTrack.Grains;

/// <summary>
/// The silo-local hand-off from aircraft grains to the traffic fan-out. Coalesces by aircraft: between two
/// publications only the latest snapshot of each aircraft is kept, so memory is bounded by the number of aircraft
/// on the silo however slow the fan-out is.
/// </summary>
public interface ITrafficOutbox
{
    void Updated(AircraftSnapshot snapshot);

    void Lost(AircraftSnapshot lastKnown);

    /// <summary>Queues geofence events (in order; never coalesced).</summary>
    void Events(IEnumerable<GeofenceEvent> events);

    /// <summary>Queues a recorded alert for the hub clients of every silo (in order; never coalesced).</summary>
    void Alert(Alert alert);

    /// <summary>Takes everything pending, or null when nothing changed.</summary>
    TrafficBatch? Drain();
}

internal sealed class TrafficOutbox : ITrafficOutbox
{
    private readonly Lock gate = new();
    private Dictionary<string, AircraftSnapshot> updated = new(StringComparer.Ordinal);
    private Dictionary<string, AircraftSnapshot> lost = new(StringComparer.Ordinal);
    private List<GeofenceEvent> events = [];
    private List<Alert> alerts = [];

    public void Alert(Alert alert)
    {
        lock (gate)
        {
            alerts.Add(alert);
        }
    }

    public void Events(IEnumerable<GeofenceEvent> raised)
    {
        lock (gate)
        {
            events.AddRange(raised);
        }
    }

    public void Updated(AircraftSnapshot snapshot)
    {
        lock (gate)
        {
            lost.Remove(snapshot.Icao);
            updated[snapshot.Icao] = snapshot;
        }
    }

    public void Lost(AircraftSnapshot lastKnown)
    {
        lock (gate)
        {
            updated.Remove(lastKnown.Icao);
            lost[lastKnown.Icao] = lastKnown;
        }
    }

    public TrafficBatch? Drain()
    {
        Dictionary<string, AircraftSnapshot> u, l;
        List<GeofenceEvent> e;
        List<Alert> a;
        lock (gate)
        {
            if (updated.Count == 0 && lost.Count == 0 && events.Count == 0 && alerts.Count == 0)
            {
                return null;
            }

            (u, updated) = (updated, new Dictionary<string, AircraftSnapshot>(updated.Count, StringComparer.Ordinal));
            (l, lost) = (lost, new Dictionary<string, AircraftSnapshot>(StringComparer.Ordinal));
            (e, events) = (events, []);
            (a, alerts) = (alerts, []);
        }

        return new TrafficBatch([.. u.Values], [.. l.Values], [.. e]) { Alerts = [.. a] };
    }
}
