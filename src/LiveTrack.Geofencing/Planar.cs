using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace LiveTrack.Geofencing;

/// <summary>
/// Shared NetTopologySuite plumbing: one geometry factory (floating precision, SRID 4326: x = longitude,
/// y = latitude in degrees) and the robust OverlayNG operations.
/// </summary>
internal static class Planar
{
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(PrecisionModels.Floating), 4326);

    public static Geometry Intersection(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection);

    public static Geometry Difference(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Difference);

    /// <summary>The union of polygonal geometries as one Polygon or MultiPolygon (an empty Polygon for none).</summary>
    public static Geometry UnionPolygons(IReadOnlyCollection<Geometry> parts)
    {
        if (parts.Count == 0)
        {
            return Factory.CreatePolygon();
        }

        var union = parts.Count == 1
            ? parts.First()
            : OverlayNGRobust.Union(Factory.BuildGeometry(parts));
        return OnlyPolygons(union);
    }

    /// <summary>The polygons of <paramref name="geometry"/> (dropping lines and points an overlay may leave) as one geometry.</summary>
    public static Geometry OnlyPolygons(Geometry geometry)
    {
        var polygons = PolygonsOf(geometry).Where(p => !p.IsEmpty).ToArray();
        return polygons.Length switch
        {
            0 => Factory.CreatePolygon(),
            1 => polygons[0],
            _ => Factory.CreateMultiPolygon(polygons),
        };
    }

    public static IEnumerable<Polygon> PolygonsOf(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon polygon:
                    yield return polygon;
                    break;
                case GeometryCollection nested when !ReferenceEquals(nested, geometry):
                    foreach (var inner in PolygonsOf(nested))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    /// <summary>A copy of <paramref name="geometry"/> with every coordinate rewritten by <paramref name="map"/>.</summary>
    public static Geometry Map(Geometry geometry, Func<Coordinate, Coordinate> map)
    {
        var polygons = PolygonsOf(geometry).Select(p => Factory.CreatePolygon(
            Factory.CreateLinearRing(p.ExteriorRing.Coordinates.Select(map).ToArray()),
            p.InteriorRings.Select(h => Factory.CreateLinearRing(h.Coordinates.Select(map).ToArray())).ToArray())).ToArray();
        return polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons);
    }

    /// <summary>Inserts points so no segment of <paramref name="ring"/> is longer than <paramref name="maxLength"/>.</summary>
    public static List<Coordinate> Densify(IReadOnlyList<Coordinate> ring, double maxLength)
    {
        var result = new List<Coordinate>(ring.Count);
        for (var i = 0; i < ring.Count; i++)
        {
            var p = ring[i];
            if (i > 0)
            {
                var q = ring[i - 1];
                var length = Math.Max(Math.Abs(p.X - q.X), Math.Abs(p.Y - q.Y));
                var pieces = (int)Math.Ceiling(length / maxLength);
                for (var k = 1; k < pieces; k++)
                {
                    var f = (double)k / pieces;
                    result.Add(new Coordinate(q.X + (f * (p.X - q.X)), q.Y + (f * (p.Y - q.Y))));
                }
            }

            result.Add(p.Copy());
        }

        return result;
    }

    /// <summary>Drops consecutive duplicates (keeping the ring closed).</summary>
    public static List<Coordinate> WithoutRepeats(IReadOnlyList<Coordinate> ring)
    {
        var result = new List<Coordinate>(ring.Count);
        foreach (var c in ring)
        {
            if (result.Count == 0 || !result[^1].Equals2D(c))
            {
                result.Add(c);
            }
        }

        return result;
    }
}
