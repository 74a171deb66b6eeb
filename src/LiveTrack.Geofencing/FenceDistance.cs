using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// How far a position is from a fence's line: the great-circle distance to the nearest point of the fence's outline
/// (any ring of any polygon, the artificial cut of a fence split at ±180 excluded), on the sphere of
/// <see cref="Geodesy.EarthRadiusNauticalMiles"/>. Edges are taken as great-circle arcs between their vertices
/// (for a dataset simplified to 1 km the difference from a straight lon/lat edge is far below a metre).
/// </summary>
/// <remarks>
/// The fence's STR-tree of edges is queried in a box around the position that grows fourfold until the nearest edge
/// found is closer than any edge outside the box can be, so a lookup reads the few edges near the position.
/// </remarks>
public static class FenceDistance
{
    private const double DegreesToRadians = Math.PI / 180;
    private const double NauticalMilesPerDegree = Geodesy.EarthRadiusNauticalMiles * DegreesToRadians;

    /// <summary>Distance in nautical miles from <paramref name="point"/> to the outline of <paramref name="fence"/>.</summary>
    public static double ToBoundaryNauticalMiles(GeofenceDefinition fence, GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var prepared = PreparedFence.For(fence);
        var p = Vector.From(point.Latitude, Geodesy.NormalizeLongitude(point.Longitude));
        for (var half = 0.25; ; half *= 4)
        {
            var best = double.PositiveInfinity;
            var whole = half >= 180;
            var cos = Math.Cos(Math.Min(89.9, Math.Abs(point.Latitude) + half) * DegreesToRadians);
            var halfX = whole ? 360 : Math.Min(360, half / Math.Max(cos, 1e-6));
            for (var shift = -360; shift <= 360; shift += 360)
            {
                var box = new Envelope(point.Longitude - halfX + shift, point.Longitude + halfX + shift, point.Latitude - half, point.Latitude + half);
                if (box.MaxX < -180 || box.MinX > 180)
                {
                    continue;
                }

                foreach (var edge in prepared.EdgesNear(box))
                {
                    if (IsCut(edge))
                    {
                        continue;
                    }

                    best = Math.Min(best, ToArc(p, edge));
                }
            }

            // Anything outside the box is at least `half` degrees of latitude (or the matching longitude) away.
            if (whole || best <= half * NauticalMilesPerDegree * 0.99)
            {
                return best;
            }
        }
    }

    /// <summary>An edge along ±180: where a fence crossing the antimeridian was split, not a line of the fence.</summary>
    private static bool IsCut(LineSegment edge) => Math.Abs(edge.P0.X) == 180 && edge.P0.X == edge.P1.X;

    private static double ToArc(Vector p, LineSegment edge)
    {
        var a = Vector.From(edge.P0.Y, edge.P0.X);
        var b = Vector.From(edge.P1.Y, edge.P1.X);
        var n = Vector.Cross(a, b);
        var length = n.Length;
        if (length > 1e-15)
        {
            n = n.Scale(1 / length);
            var sinCrossTrack = Vector.Dot(p, n);
            var foot = p.Minus(n.Scale(sinCrossTrack));
            if (Vector.Dot(Vector.Cross(a, foot), n) >= 0 && Vector.Dot(Vector.Cross(foot, b), n) >= 0)
            {
                return Math.Asin(Math.Min(1, Math.Abs(sinCrossTrack))) * Geodesy.EarthRadiusNauticalMiles;
            }
        }

        return Math.Min(Angle(p, a), Angle(p, b)) * Geodesy.EarthRadiusNauticalMiles;
    }

    private static double Angle(Vector u, Vector v) => Math.Atan2(Vector.Cross(u, v).Length, Vector.Dot(u, v));

    private readonly record struct Vector(double X, double Y, double Z)
    {
        public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

        public static Vector From(double latitude, double longitude)
        {
            var (sinPhi, cosPhi) = Math.SinCos(latitude * DegreesToRadians);
            var (sinLambda, cosLambda) = Math.SinCos(longitude * DegreesToRadians);
            return new Vector(cosPhi * cosLambda, cosPhi * sinLambda, sinPhi);
        }

        public static double Dot(Vector a, Vector b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

        public static Vector Cross(Vector a, Vector b) =>
            new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

        public Vector Scale(double f) => new(X * f, Y * f, Z * f);

        public Vector Minus(Vector o) => new(X - o.X, Y - o.Y, Z - o.Z);
    }
}
