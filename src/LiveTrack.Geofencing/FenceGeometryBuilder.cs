using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using static System.FormattableString;

namespace LiveTrack.Geofencing;

/// <summary>
/// Turns well-formed polygons (closed rings of in-range positions) into a fence's canonical geometry: checks the
/// antimeridian convention, checks topology with NetTopologySuite's <see cref="IsValidOp"/> and names the ring at
/// fault, then splits shapes written past ±180 at the antimeridian.
/// </summary>
internal static class FenceGeometryBuilder
{
    private const double OnRing = 1e-9;

    /// <returns>The canonical geometry, or null after reporting errors through <paramref name="error"/>.</returns>
    public static Geometry? Build(IReadOnlyList<RawPolygon> raw, string coordinatesPath, bool multi, Action<string, string> error)
    {
        var polygons = new List<Polygon>(raw.Count);
        var ok = true;
        foreach (var polygon in raw)
        {
            if (!CheckLongitudes(polygon, error))
            {
                ok = false;
                continue;
            }

            var built = Planar.Factory.CreatePolygon(
                Planar.Factory.CreateLinearRing(polygon.Rings[0]),
                polygon.Rings.Skip(1).Select(Planar.Factory.CreateLinearRing).ToArray());
            var problem = new IsValidOp(built).ValidationError;
            if (problem is not null)
            {
                var (field, message) = Describe(problem, polygon);
                error(field, message);
                ok = false;
                continue;
            }

            polygons.Add(built);
        }

        if (!ok)
        {
            return null;
        }

        Geometry shape = multi ? Planar.Factory.CreateMultiPolygon(polygons.ToArray()) : polygons[0];
        if (multi)
        {
            var problem = new IsValidOp(shape).ValidationError;
            if (problem is not null)
            {
                error(coordinatesPath, DescribeParts(problem, polygons));
                return null;
            }
        }

        var canonical = Antimeridian.Normalize(shape);
        if (canonical.IsEmpty || !canonical.IsValid)
        {
            error(coordinatesPath, "the shape could not be split at the antimeridian into a valid polygon");
            return null;
        }

        return canonical;
    }

    /// <summary>
    /// Longitudes beyond ±180 are the "continuing across the antimeridian" convention: allowed only in a polygon that
    /// also has positions within -180..180, and spanning at most 360°.
    /// </summary>
    private static bool CheckLongitudes(RawPolygon polygon, Action<string, string> error)
    {
        var all = polygon.Rings.SelectMany(r => r).ToArray();
        var beyond = all.Any(c => Math.Abs(c.X) > 180);
        if (!beyond)
        {
            return true;
        }

        if (!all.Any(c => Math.Abs(c.X) <= 180))
        {
            for (var r = 0; r < polygon.Rings.Count; r++)
            {
                var i = Array.FindIndex(polygon.Rings[r], c => Math.Abs(c.X) > 180);
                if (i >= 0)
                {
                    error(Invariant($"{polygon.Path}[{r}][{i}]"), Invariant(
                        $"longitude {polygon.Rings[r][i].X} is outside -180..180; longitudes beyond ±180 are accepted only in a polygon that continues across the antimeridian from within -180..180"));
                    return false;
                }
            }
        }

        var span = all.Max(c => c.X) - all.Min(c => c.X);
        if (span > 360)
        {
            error(polygon.Path, Invariant($"the polygon spans {span}° of longitude; at most 360° is possible"));
            return false;
        }

        return true;
    }

    private static (string Field, string Message) Describe(TopologyValidationError problem, RawPolygon polygon)
    {
        var at = problem.Coordinate;
        var where = at is null ? "" : Invariant($" at [{at.X}, {at.Y}]");
        var rings = at is null ? [] : RingsThrough(at, polygon.Rings);
        string RingPath(int r) => Invariant($"{polygon.Path}[{r}]");

        switch (problem.ErrorType)
        {
            case TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection:
                return rings.Count switch
                {
                    1 => (RingPath(rings[0]), $"the ring crosses or touches itself{where}"),
                    >= 2 => (polygon.Path, Invariant($"rings {rings[0]} and {rings[1]} cross{where}")),
                    _ => (polygon.Path, $"the polygon crosses itself{where}"),
                };
            case TopologyValidationErrors.HoleOutsideShell:
                return (Hole(), $"this hole lies outside the polygon's outer ring{where}");
            case TopologyValidationErrors.NestedHoles:
                return (Hole(), $"this hole lies inside another hole{where}");
            case TopologyValidationErrors.DisconnectedInteriors:
                return (polygon.Path, $"the holes cut the polygon's interior apart{where}");
            case TopologyValidationErrors.TooFewPoints:
                return (rings.Count == 1 ? RingPath(rings[0]) : polygon.Path, $"the ring has fewer than 3 distinct positions{where}");
            default:
                return (polygon.Path, $"{problem.Message}{where}");
        }

        string Hole()
        {
            var hole = rings.FirstOrDefault(r => r > 0);
            return hole > 0 ? RingPath(hole) : polygon.Path;
        }
    }

    private static string DescribeParts(TopologyValidationError problem, List<Polygon> polygons)
    {
        var at = problem.Coordinate;
        var where = at is null ? "" : Invariant($" at [{at.X}, {at.Y}]");
        var point = at is null ? null : Planar.Factory.CreatePoint(at);
        var parts = point is null
            ? []
            : Enumerable.Range(0, polygons.Count).Where(i => polygons[i].Distance(point) <= OnRing).ToList();
        return parts.Count >= 2
            ? Invariant($"polygons {parts[0]} and {parts[1]} of the MultiPolygon overlap{where}; parts must not overlap")
            : $"the polygons of the MultiPolygon overlap{where} ({problem.Message}); parts must not overlap";
    }

    private static List<int> RingsThrough(Coordinate at, IReadOnlyList<Coordinate[]> rings)
    {
        var point = Planar.Factory.CreatePoint(at);
        var result = new List<int>();
        for (var r = 0; r < rings.Count; r++)
        {
            if (Planar.Factory.CreateLineString(rings[r]).Distance(point) <= OnRing)
            {
                result.Add(r);
            }
        }

        return result;
    }
}
