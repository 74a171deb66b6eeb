using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// Brings polygons written in "extended" longitudes (a ring that continues across the antimeridian with longitudes
/// up to ±540, or a polar cap spanning 360°) into the canonical form every other part of the library works with:
/// longitudes within [-180, 180], shapes that cross the antimeridian split into parts touching ±180 — the form
/// RFC 7946 §3.1.9 asks for.
/// </summary>
/// <remarks>
/// Each 360°-wide window ([-540, -180], [-180, 180], [180, 540]) of the shape is clipped (NetTopologySuite OverlayNG),
/// shifted by a multiple of 360° into [-180, 180], and the pieces are unioned, so pieces that meet again after the
/// shift (a polar cap) merge. Clipping computes the cut points on ±180 in floating point; longitudes within 1e-9° of
/// ±180 are snapped onto it so the two halves of a split shape share the meridian exactly.
/// </remarks>
internal static class Antimeridian
{
    private const double SnapDegrees = 1e-9;

    public static Geometry Normalize(Geometry extended)
    {
        var envelope = extended.EnvelopeInternal;
        if (envelope.MinX >= -180 && envelope.MaxX <= 180)
        {
            return extended;
        }

        var pieces = new List<Geometry>();
        for (var k = -1; k <= 1; k++)
        {
            var window = new Envelope(-180 + (360 * k), 180 + (360 * k), -90, 90);
            if (!window.Intersects(envelope))
            {
                continue;
            }

            var clipped = Planar.OnlyPolygons(Planar.Intersection(extended, Planar.Factory.ToGeometry(window)));
            if (clipped.IsEmpty)
            {
                continue;
            }

            var shift = -360.0 * k;
            pieces.Add(Planar.Map(clipped, c => new Coordinate(Snap(c.X + shift), c.Y)));
        }

        return Planar.UnionPolygons(pieces);
    }

    /// <summary>
    /// The amount to add to <paramref name="delta"/> (a longitude difference) to bring it into [-180, 180): the
    /// shorter way round.
    /// </summary>
    public static double Wrap(double delta)
    {
        while (delta >= 180)
        {
            delta -= 360;
        }

        while (delta < -180)
        {
            delta += 360;
        }

        return delta;
    }

    private static double Snap(double x)
    {
        if (Math.Abs(x - 180) < SnapDegrees || x > 180)
        {
            return 180;
        }

        if (Math.Abs(x + 180) < SnapDegrees || x < -180)
        {
            return -180;
        }

        return x;
    }
}
