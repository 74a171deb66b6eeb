using System.Collections.Concurrent;
using LiveTrack.Geo;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// This silo's picture of all live traffic, built from the fan-out every silo receives: serves area queries and
/// the first frame of a new subscription without touching grains. Entries not refreshed for the lost timeout plus
/// a margin are swept, so aircraft whose silo vanished do not linger.
/// </summary>
public sealed class LiveTraffic
{
    private readonly ConcurrentDictionary<string, AircraftSnapshot> aircraft = new(StringComparer.Ordinal);

    public int Count => aircraft.Count;

    public void Update(AircraftSnapshot snapshot) =>
        aircraft.AddOrUpdate(snapshot.Icao, snapshot, (_, old) => snapshot.LastSeen >= old.LastSeen ? snapshot : old);

    public void Remove(string icao) => aircraft.TryRemove(icao, out _);

    public AircraftSnapshot? Find(string icao) => aircraft.GetValueOrDefault(icao);

    public IEnumerable<AircraftSnapshot> All => aircraft.Values;

    /// <summary>Aircraft whose latest snapshot says they are inside the fence.</summary>
    public IEnumerable<AircraftSnapshot> InsideGeofence(string fenceId) =>
        aircraft.Values.Where(a => a.Geofences.Contains(fenceId, StringComparer.Ordinal));

    public IEnumerable<AircraftSnapshot> Within(BoundingBox box) =>
        aircraft.Values.Where(a => a.HasPosition && box.Contains(a.Latitude!.Value, a.Longitude!.Value));

    public int Sweep(DateTimeOffset olderThan)
    {
        var removed = 0;
        foreach (var (icao, snapshot) in aircraft)
        {
            if (snapshot.LastSeen < olderThan && aircraft.TryRemove(new KeyValuePair<string, AircraftSnapshot>(icao, snapshot)))
            {
                removed++;
            }
        }

        return removed;
    }
}
