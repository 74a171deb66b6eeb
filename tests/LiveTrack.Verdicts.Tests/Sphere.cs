namespace LiveTrack.Verdicts.Tests;

/// <summary>
/// The tests' own spherical geometry, written independently of LiveTrack.Geo: unit vectors, distances from
/// atan2(|a × b|, a · b), and the distance from a point to a great circle from the circle's pole. Same sphere radius.
/// </summary>
internal static class Sphere
{
    public const double R = 3440.065;
    public const double NmPerDegree = R * Math.PI / 180;

    public static (double X, double Y, double Z) V(double lat, double lon)
    {
        var (p, l) = (lat * Math.PI / 180, lon * Math.PI / 180);
        return (Math.Cos(p) * Math.Cos(l), Math.Cos(p) * Math.Sin(l), Math.Sin(p));
    }

    public static (double X, double Y, double Z) Cross((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        ((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

    public static double Dot((double X, double Y, double Z) a, (double X, double Y, double Z) b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    public static double Norm((double X, double Y, double Z) a) => Math.Sqrt(Dot(a, a));

    public static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        var a = V(lat1, lon1);
        var b = V(lat2, lon2);
        return R * Math.Atan2(Norm(Cross(a, b)), Dot(a, b));
    }

    /// <summary>Distance from C to the great circle through A and B.</summary>
    public static double CrossTrack((double Lat, double Lon) c, (double Lat, double Lon) a, (double Lat, double Lon) b)
    {
        var n = Cross(V(a.Lat, a.Lon), V(b.Lat, b.Lon));
        var s = Dot(V(c.Lat, c.Lon), n) / Norm(n);
        return R * Math.Abs(Math.Asin(Math.Clamp(s, -1, 1)));
    }

    /// <summary>Smallest d(A, P) + d(P, B) over P sampled every <paramref name="step"/>° along a lon/lat straight edge.</summary>
    public static double MinFocalSumOnEdge((double Lat, double Lon) a, (double Lat, double Lon) b, (double Lat, double Lon) p0, (double Lat, double Lon) p1, double step)
    {
        var n = (int)Math.Ceiling(Math.Max(Math.Abs(p1.Lat - p0.Lat), Math.Abs(p1.Lon - p0.Lon)) / step);
        var best = double.PositiveInfinity;
        for (var i = 0; i <= n; i++)
        {
            var t = (double)i / n;
            var lat = p0.Lat + (t * (p1.Lat - p0.Lat));
            var lon = p0.Lon + (t * (p1.Lon - p0.Lon));
            best = Math.Min(best, Distance(a.Lat, a.Lon, lat, lon) + Distance(lat, lon, b.Lat, b.Lon));
        }

        return best;
    }
}
