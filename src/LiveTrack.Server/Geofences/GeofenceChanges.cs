using LiveTrack.Grains;
using LiveTrack.Server.Tracking;

namespace LiveTrack.Server.Geofences;

/// <summary>
/// After a fence is created, replaced or deleted: every silo reloads it, then the aircraft it may concern (inside the
/// new shape, or inside the old one by their last snapshot) re-check it, raising Entered (fence created) or Exited
/// (fence deleted) where their answer changed.
/// </summary>
public sealed class GeofenceChanges(GeofenceReplication replication, GeofenceCatalog catalog, LiveTraffic traffic, IGrainFactory grains)
{
    public async Task Propagate(IEnumerable<string> fenceIds)
    {
        var ids = fenceIds.ToArray();
        await replication.Announce(ids);
        foreach (var id in ids)
        {
            var fence = catalog.Index.Find(id);
            var concerned = traffic.All
                .Where(a => a.Geofences.Contains(id, StringComparer.Ordinal)
                    || (fence is not null && a.HasPosition && fence.Contains(a.Latitude!.Value, a.Longitude!.Value, a.BarometricAltitudeFeet ?? a.GeometricAltitudeFeet)))
                .Select(a => grains.GetGrain<IAircraftGrain>(a.Icao).ReevaluateGeofence(id));
            await Task.WhenAll(concerned);
        }
    }
}
