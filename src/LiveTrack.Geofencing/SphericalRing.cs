using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// Turns a closed loop of points on the sphere (consecutive points close together, as produced by a circle or an
/// unprojected buffer) into a lon/lat ring in extended longitudes, ready for <see cref="Antimeridian.Normalize"/>.
/// </summary>
/// <remarks>
/// Longitudes are unwrapped along the loop (each step goes the shorter way round), so a loop crossing the
/// antimeridian continues beyond ±180. A loop that winds once around a pole ends 360° from where it started; it
/// is closed through that pole (…, (λ+360, φ), (λ+360, ±90), (λ, ±90), (λ, φ)), which is how a polar cap looks on
/// a lon/lat plane.
/// </remarks>
internal static class SphericalRing
{
    /// <param name="loop">The loop, without repeating the first point at the end.</param>
    /// <param name="northPole">Which pole to close through if the loop winds around one.</param>
    /// <param name="windsAroundPole">Whether it did.</param>
    public static Coordinate[] ToLonLat(IReadOnlyList<GeoPoint> loop, bool northPole, out bool windsAroundPole)
    {
        var coordinates = new List<Coordinate>(loop.Count + 4);
        var x = loop[0].Longitude;
        coordinates.Add(new Coordinate(x, loop[0].Latitude));
        for (var i = 1; i < loop.Count; i++)
        {
            x += Antimeridian.Wrap(loop[i].Longitude - loop[i - 1].Longitude);
            coordinates.Add(new Coordinate(x, loop[i].Latitude));
        }

        var closingX = x + Antimeridian.Wrap(loop[0].Longitude - loop[^1].Longitude);
        var first = coordinates[0];
        windsAroundPole = Math.Abs(closingX - first.X) > 180;
        if (windsAroundPole)
        {
            var pole = northPole ? 90.0 : -90.0;
            coordinates.Add(new Coordinate(closingX, first.Y));
            coordinates.Add(new Coordinate(closingX, pole));
            coordinates.Add(new Coordinate(first.X, pole));
        }

        coordinates.Add(first.Copy());
        return Planar.WithoutRepeats(coordinates).ToArray();
    }
}
