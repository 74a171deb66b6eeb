namespace LiveTrack.Geo;

/// <summary>
/// Great-circle geometry on a sphere of the Earth's mean radius. All angles are in degrees, all distances in
/// nautical miles. Longitudes returned are normalised to [-180, 180).
/// </summary>
public static class Geodesy
{
    /// <summary>Mean Earth radius (6,371.0088 km) in nautical miles.</summary>
    public const double EarthRadiusNauticalMiles = 3440.065;

    /// <summary>Metres in one international nautical mile.</summary>
    public const double MetresPerNauticalMile = 1852;

    private const double DegreesToRadians = Math.PI / 180.0;
    private const double RadiansToDegrees = 180.0 / Math.PI;

    /// <summary>
    /// Great-circle distance between two points (haversine in its atan2 form, accurate for both tiny and
    /// nearly antipodal separations).
    /// </summary>
    public static double DistanceNauticalMiles(GeoPoint a, GeoPoint b) =>
        CentralAngleRadians(a, b) * EarthRadiusNauticalMiles;

    /// <summary>
    /// Initial true bearing (forward azimuth) of the great circle from <paramref name="from"/> to
    /// <paramref name="to"/>, in [0, 360). Returns 0 when the points coincide.
    /// </summary>
    public static double InitialBearingDegrees(GeoPoint from, GeoPoint to)
    {
        var phi1 = from.Latitude * DegreesToRadians;
        var phi2 = to.Latitude * DegreesToRadians;
        var deltaLambda = (to.Longitude - from.Longitude) * DegreesToRadians;

        var y = Math.Sin(deltaLambda) * Math.Cos(phi2);
        var x = (Math.Cos(phi1) * Math.Sin(phi2)) - (Math.Sin(phi1) * Math.Cos(phi2) * Math.Cos(deltaLambda));
        return NormalizeBearing(Math.Atan2(y, x) * RadiansToDegrees);
    }

    /// <summary>
    /// The point a <paramref name="fraction"/> of the way from <paramref name="a"/> to <paramref name="b"/>
    /// along the shorter great circle (spherical linear interpolation). Fraction 0 gives <paramref name="a"/>,
    /// 1 gives <paramref name="b"/>; values outside 0..1 extrapolate along the same great circle. When the
    /// points are (nearly) antipodal the great circle is not unique and one through the initial bearing is used.
    /// </summary>
    public static GeoPoint Interpolate(GeoPoint a, GeoPoint b, double fraction)
    {
        if (fraction == 0)
        {
            return Normalize(a);
        }

        if (fraction == 1)
        {
            return Normalize(b);
        }

        var delta = CentralAngleRadians(a, b);
        if (delta < 1e-12)
        {
            return Normalize(a);
        }

        var sinDelta = Math.Sin(delta);
        if (sinDelta < 1e-9)
        {
            // Nearly antipodal: every great circle through a passes (almost) through b; pick the one the
            // initial-bearing formula yields and walk along it.
            return Destination(a, InitialBearingDegrees(a, b), fraction * delta * EarthRadiusNauticalMiles);
        }

        var (ax, ay, az) = ToUnitVector(a);
        var (bx, by, bz) = ToUnitVector(b);
        var wa = Math.Sin((1 - fraction) * delta) / sinDelta;
        var wb = Math.Sin(fraction * delta) / sinDelta;
        return FromVector((wa * ax) + (wb * bx), (wa * ay) + (wb * by), (wa * az) + (wb * bz));
    }

    /// <summary>
    /// The point reached by travelling <paramref name="distanceNauticalMiles"/> along the great circle that
    /// leaves <paramref name="start"/> on the initial true bearing <paramref name="bearingDegrees"/>.
    /// </summary>
    public static GeoPoint Destination(GeoPoint start, double bearingDegrees, double distanceNauticalMiles)
    {
        var delta = distanceNauticalMiles / EarthRadiusNauticalMiles;
        var theta = bearingDegrees * DegreesToRadians;
        var phi1 = start.Latitude * DegreesToRadians;

        var sinPhi1 = Math.Sin(phi1);
        var cosPhi1 = Math.Cos(phi1);
        var sinDelta = Math.Sin(delta);
        var cosDelta = Math.Cos(delta);

        var sinPhi2 = Math.Clamp((sinPhi1 * cosDelta) + (cosPhi1 * sinDelta * Math.Cos(theta)), -1.0, 1.0);
        var phi2 = Math.Asin(sinPhi2);
        var y = Math.Sin(theta) * sinDelta * cosPhi1;
        var x = cosDelta - (sinPhi1 * sinPhi2);
        var lambda2 = (start.Longitude * DegreesToRadians) + Math.Atan2(y, x);

        return new GeoPoint(phi2 * RadiansToDegrees, NormalizeLongitude(lambda2 * RadiansToDegrees));
    }

    /// <summary>
    /// Wraps a longitude into [-180, 180). Values already in range are returned unchanged; 180 becomes -180.
    /// NaN and infinities yield NaN.
    /// </summary>
    public static double NormalizeLongitude(double longitude)
    {
        if (longitude is >= -180.0 and < 180.0)
        {
            return longitude;
        }

        if (!double.IsFinite(longitude))
        {
            return double.NaN;
        }

        var r = (longitude + 180.0) % 360.0;
        if (r < 0)
        {
            r += 360.0;
        }

        if (r >= 360.0)
        {
            r -= 360.0;
        }

        return r - 180.0;
    }

    private static double NormalizeBearing(double degrees)
    {
        var r = degrees % 360.0;
        if (r < 0)
        {
            r += 360.0;
        }

        // A tiny negative angle plus 360 rounds to exactly 360.
        return r >= 360.0 ? 0.0 : r;
    }

    /// <summary>Central angle in radians between two points: haversine, evaluated with atan2 for stability.</summary>
    private static double CentralAngleRadians(GeoPoint a, GeoPoint b)
    {
        var phi1 = a.Latitude * DegreesToRadians;
        var phi2 = b.Latitude * DegreesToRadians;
        var sinHalfDeltaPhi = Math.Sin((phi2 - phi1) / 2);
        var sinHalfDeltaLambda = Math.Sin((b.Longitude - a.Longitude) * DegreesToRadians / 2);

        var h = (sinHalfDeltaPhi * sinHalfDeltaPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda);
        h = Math.Clamp(h, 0.0, 1.0);
        return 2 * Math.Atan2(Math.Sqrt(h), Math.Sqrt(1 - h));
    }

    private static (double X, double Y, double Z) ToUnitVector(GeoPoint p)
    {
        var phi = p.Latitude * DegreesToRadians;
        var lambda = p.Longitude * DegreesToRadians;
        var cosPhi = Math.Cos(phi);
        return (cosPhi * Math.Cos(lambda), cosPhi * Math.Sin(lambda), Math.Sin(phi));
    }

    private static GeoPoint FromVector(double x, double y, double z)
    {
        var latitude = Math.Atan2(z, Math.Sqrt((x * x) + (y * y))) * RadiansToDegrees;
        var longitude = Math.Atan2(y, x) * RadiansToDegrees;
        return new GeoPoint(latitude, NormalizeLongitude(longitude));
    }

    private static GeoPoint Normalize(GeoPoint p) => p with { Longitude = NormalizeLongitude(p.Longitude) };
}
