using LiveTrack.Geo;

namespace LiveTrack.Geofencing;

/// <summary>One reported position of an aircraft, as <see cref="GeofenceCrossings"/> consumes them.</summary>
/// <param name="Latitude">Degrees, -90..90.</param>
/// <param name="Longitude">Degrees; wrapped into [-180, 180).</param>
/// <param name="AltitudeFeet">Altitude in feet, or null when unknown (then no 3D fence contains the position).</param>
/// <param name="Time">When the aircraft was there.</param>
public readonly record struct TrackPosition(double Latitude, double Longitude, int? AltitudeFeet, DateTimeOffset Time)
{
    /// <summary>The horizontal position.</summary>
    public GeoPoint Point => new(Latitude, Longitude);
}
