using LiveTrack.Geo;

namespace LiveTrack.Geofencing;

/// <summary>
/// The shorter great-circle arc between two positions, parameterised by the fraction s of its length
/// (s = 0 at <see cref="From"/>, 1 at <see cref="To"/>; equal steps of s are equal distances).
/// </summary>
internal readonly struct GreatCircleArc
{
    /// <summary>Nautical miles per degree of arc on the sphere of <see cref="Geodesy.EarthRadiusNauticalMiles"/>.</summary>
    public const double NauticalMilesPerDegree = Geodesy.EarthRadiusNauticalMiles * Math.PI / 180;

    public GreatCircleArc(GeoPoint start, GeoPoint end)
    {
        From = new GeoPoint(start.Latitude, Geodesy.NormalizeLongitude(start.Longitude));
        To = new GeoPoint(end.Latitude, Geodesy.NormalizeLongitude(end.Longitude));
        LengthNauticalMiles = Geodesy.DistanceNauticalMiles(From, To);
    }

    public GeoPoint From { get; }

    public GeoPoint To { get; }

    public double LengthNauticalMiles { get; }

    public GeoPoint At(double fraction) => fraction switch
    {
        <= 0 => From,
        >= 1 => To,
        _ => Geodesy.Interpolate(From, To, fraction),
    };

    /// <summary>
    /// A lon/lat box holding the whole arc. Longitudes start at <see cref="From"/>'s and are unwrapped along the
    /// arc, so they may run past ±180. Sampled every ≤ 5 nm (at most 128 pieces); each piece's box grows by twice
    /// how far the arc's midpoint strays from the straight lon/lat chord, which covers the bulge between samples.
    /// </summary>
    public (double MinX, double MaxX, double MinY, double MaxY) Bounds()
    {
        var pieces = (int)Math.Clamp(Math.Ceiling(LengthNauticalMiles / 5), 1, 128);
        double minX = From.Longitude, maxX = From.Longitude, minY = From.Latitude, maxY = From.Latitude;
        var margin = 0.0;
        var x0 = From.Longitude;
        var y0 = From.Latitude;
        for (var i = 1; i <= pieces; i++)
        {
            var mid = At((i - 0.5) / pieces);
            var end = At((double)i / pieces);
            var xm = x0 + Antimeridian.Wrap(mid.Longitude - x0);
            var x1 = x0 + Antimeridian.Wrap(end.Longitude - x0);
            margin = Math.Max(margin, Math.Max(Math.Abs(xm - ((x0 + x1) / 2)), Math.Abs(mid.Latitude - ((y0 + end.Latitude) / 2))));
            minX = Math.Min(minX, Math.Min(xm, x1));
            maxX = Math.Max(maxX, Math.Max(xm, x1));
            minY = Math.Min(minY, Math.Min(mid.Latitude, end.Latitude));
            maxY = Math.Max(maxY, Math.Max(mid.Latitude, end.Latitude));
            x0 = x1;
            y0 = end.Latitude;
        }

        margin = (2 * margin) + 1e-9;
        return (minX - margin, maxX + margin, Math.Max(-90, minY - margin), Math.Min(90, maxY + margin));
    }
}
