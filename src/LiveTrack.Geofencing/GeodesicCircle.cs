using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// A circle on the sphere (all points within a great-circle radius of a centre) as a lon/lat polygon.
/// </summary>
/// <remarks>
/// Vertices are placed on the circle with <see cref="Geodesy.Destination"/> at equal bearings from the centre, so
/// every vertex is exactly the radius away. Between vertices the polygon cuts inside the circle by at most
/// r·(1 − cos(π/n)); n is chosen (64 to 1,024) to keep that under <see cref="MaxInsetNauticalMiles"/>
/// (≈ 9 m): 64 vertices up to r ≈ 4 nm, 100 at 10 nm, 223 at 50 nm, 703 at 500 nm. A circle around a pole
/// becomes a polar cap, and one crossing the antimeridian is split there.
/// </remarks>
internal static class GeodesicCircle
{
    public const double MaxInsetNauticalMiles = 0.005;
    public const int MinVertices = 64;
    public const int MaxVertices = 1024;

    public static int VertexCount(double radiusNauticalMiles)
    {
        var step = Math.Acos(1 - Math.Min(1, MaxInsetNauticalMiles / radiusNauticalMiles));
        var n = Math.Ceiling(Math.PI / step);
        return (int)Math.Clamp(n, MinVertices, MaxVertices);
    }

    public static Geometry Create(GeoPoint centre, double radiusNauticalMiles)
    {
        var n = VertexCount(radiusNauticalMiles);
        var loop = new GeoPoint[n];
        var atPole = Math.Abs(centre.Latitude) >= 90 - 1e-9;
        for (var i = 0; i < n; i++)
        {
            var bearing = 360.0 * i / n;
            loop[i] = atPole
                ? new GeoPoint(
                    Math.Sign(centre.Latitude) * (90 - (radiusNauticalMiles / Geodesy.EarthRadiusNauticalMiles * 180 / Math.PI)),
                    -180 + bearing)
                : Geodesy.Destination(centre, bearing, radiusNauticalMiles);
        }

        var ring = SphericalRing.ToLonLat(loop, northPole: centre.Latitude >= 0, out _);
        return Antimeridian.Normalize(Planar.Factory.CreatePolygon(ring));
    }
}
