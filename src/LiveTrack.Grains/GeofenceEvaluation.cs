using LiveTrack.Geofencing;

namespace LiveTrack.Grains;

/// <summary>The fences a silo evaluates against: an immutable index replaced as fences change.</summary>
public interface IGeofenceIndexProvider
{
    GeofenceIndex Current { get; }
}

/// <summary>No fences (a silo whose host provides none).</summary>
internal sealed class NoGeofences : IGeofenceIndexProvider
{
    public GeofenceIndex Current => GeofenceIndex.Empty;
}
