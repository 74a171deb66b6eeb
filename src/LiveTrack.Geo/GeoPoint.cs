namespace LiveTrack.Geo;

/// <summary>A point on the Earth's surface in decimal degrees (WGS84 coordinates treated as lying on a sphere).</summary>
/// <param name="Latitude">Latitude in degrees, positive north, -90..90.</param>
/// <param name="Longitude">Longitude in degrees, positive east, normally -180..180.</param>
public readonly record struct GeoPoint(double Latitude, double Longitude);
