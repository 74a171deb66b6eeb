using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// The spherical azimuthal equidistant projection centred on one point, in nautical miles: a point's distance from
/// the origin on the plane equals its great-circle distance from the centre (sphere of
/// <see cref="Geodesy.EarthRadiusNauticalMiles"/>), and its direction is the initial bearing (x east, y north).
/// </summary>
/// <remarks>
/// Distances along lines through the centre are exact. Across them the plane stretches by k = c / sin c, where c is
/// the angular distance from the centre: +0.014 % at 100 nm, +0.35 % at 500 nm, +1.4 % at 1,000 nm. Computed with
/// unit vectors (no special case at the poles): for a point p, ρ = atan2(|p·e, p·n|, p·c) and the direction is
/// (p·e, p·n), where c is the centre and e, n the local east and north unit vectors there.
/// </remarks>
internal sealed class AzimuthalEquidistant
{
    private const double DegreesToRadians = Math.PI / 180.0;
    private const double RadiansToDegrees = 180.0 / Math.PI;
    private const double R = Geodesy.EarthRadiusNauticalMiles;

    private readonly Vector c;
    private readonly Vector e;
    private readonly Vector n;

    public AzimuthalEquidistant(GeoPoint centre)
    {
        Centre = centre;
        c = Vector.From(centre.Latitude, centre.Longitude);
        var lambda = centre.Longitude * DegreesToRadians;
        e = new Vector(-Math.Sin(lambda), Math.Cos(lambda), 0);
        n = Vector.Cross(c, e);
    }

    public GeoPoint Centre { get; }

    public Coordinate Forward(double latitude, double longitude)
    {
        var p = Vector.From(latitude, longitude);
        var pe = Vector.Dot(p, e);
        var pn = Vector.Dot(p, n);
        var h = Math.Sqrt((pe * pe) + (pn * pn));
        if (h == 0)
        {
            return new Coordinate(0, 0);
        }

        var rho = Math.Atan2(h, Vector.Dot(p, c)) * R;
        return new Coordinate(rho * pe / h, rho * pn / h);
    }

    public GeoPoint Inverse(double x, double y)
    {
        var distance = Math.Sqrt((x * x) + (y * y));
        if (distance == 0)
        {
            return Centre;
        }

        var angle = distance / R;
        var (sin, cos) = Math.SinCos(angle);
        var ux = ((x * e.X) + (y * n.X)) / distance;
        var uy = ((x * e.Y) + (y * n.Y)) / distance;
        var uz = ((x * e.Z) + (y * n.Z)) / distance;
        var px = (cos * c.X) + (sin * ux);
        var py = (cos * c.Y) + (sin * uy);
        var pz = (cos * c.Z) + (sin * uz);
        var latitude = Math.Atan2(pz, Math.Sqrt((px * px) + (py * py))) * RadiansToDegrees;
        var longitude = Math.Atan2(py, px) * RadiansToDegrees;
        return new GeoPoint(latitude, Geodesy.NormalizeLongitude(longitude));
    }

    /// <summary>
    /// The normalised mean of the unit vectors of <paramref name="points"/>: a centre for a projection of a shape
    /// much smaller than a hemisphere. Null when the points balance out (a shape circling the globe).
    /// </summary>
    public static GeoPoint? SphericalCentre(IEnumerable<Coordinate> points)
    {
        double x = 0, y = 0, z = 0;
        var count = 0;
        foreach (var point in points)
        {
            var v = Vector.From(point.Y, point.X);
            x += v.X;
            y += v.Y;
            z += v.Z;
            count++;
        }

        var length = Math.Sqrt((x * x) + (y * y) + (z * z));
        if (count == 0 || length < 1e-6 * count)
        {
            return null;
        }

        var latitude = Math.Asin(Math.Clamp(z / length, -1, 1)) * RadiansToDegrees;
        var longitude = Math.Atan2(y, x) * RadiansToDegrees;
        return new GeoPoint(latitude, Geodesy.NormalizeLongitude(longitude));
    }

    private readonly record struct Vector(double X, double Y, double Z)
    {
        public static Vector From(double latitude, double longitude)
        {
            var (sinPhi, cosPhi) = Math.SinCos(latitude * DegreesToRadians);
            var (sinLambda, cosLambda) = Math.SinCos(longitude * DegreesToRadians);
            return new Vector(cosPhi * cosLambda, cosPhi * sinLambda, sinPhi);
        }

        public static double Dot(Vector a, Vector b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

        public static Vector Cross(Vector a, Vector b) =>
            new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));
    }
}
