using LiveTrack.Server.Tracking;

namespace LiveTrack.Server.Geofences;

/// <summary>
/// After a fence is created, replaced or deleted (and every silo's catalog holds the change): the aircraft it may
/// concern (inside the new shape, or inside the old one by their last snapshot) re-check it, raising Entered (fence
/// created) or Exited (fence deleted) where their answer changed.
/// </summary>
public sealed class GeofenceChanges(GeofenceCatalog catalog, LiveTraffic traffic, IGrainFactory grains)
{
    public async Task Propagate(IEnumerable<string> fenceIds)
    {
        var ids = fenceIds.ToHashSet(StringComparer.Ordinal);

        // One pass over the live picture: each aircraft looks up the fences at its position in the (new) index, so a
        // request with many fences costs one index lookup per aircraft, not one scan of all aircraft per fence.
        var index = catalog.Index;
        var checks = new List<Task>();
        foreach (var aircraft in traffic.All)
        {
            var concerned = aircraft.Geofences.Where(ids.Contains);
            if (aircraft.HasPosition)
            {
                var altitude = aircraft.BarometricAltitudeFeet ?? aircraft.GeometricAltitudeFeet;
                concerned = concerned.Concat(index.Containing(aircraft.Latitude!.Value, aircraft.Longitude!.Value, altitude).Select(f => f.Id).Where(ids.Contains));
            }

            var grain = grains.GetGrain<IAircraftGrain>(aircraft.Icao);
            checks.AddRange(concerned.Distinct(StringComparer.Ordinal).Select(grain.ReevaluateGeofence));
        }

        await Task.WhenAll(checks);
    }
}
