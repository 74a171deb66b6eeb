using LiveTrack.Geo;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// Follows a great-circle arc across one fence horizontally and records where it goes in and out (see
/// <see cref="GeofenceCrossings"/> for the method). Single use.
/// </summary>
internal sealed class LateralTracer(PreparedFence fence, GreatCircleArc arc)
{
    /// <summary>Pieces are halved until their lon/lat chord is this close to the great circle…</summary>
    private const double MaxChordDeviationNauticalMiles = 0.001;

    /// <summary>…or they are this short.</summary>
    private const double MinPieceNauticalMiles = 0.005;

    /// <summary>Initial half-width of the bracket searched around each chord crossing when refining it on the great circle.</summary>
    private const double RefineWindowNauticalMiles = 0.01;

    /// <summary>Bisection stops when the bracket is this short.</summary>
    private const double RefineToNauticalMiles = 0.00001;

    private const int MaxDepth = 40;

    private readonly List<(double Fraction, bool Inside)> transitions = [];
    private bool state;

    /// <summary>Where the horizontal answer changes, in order, alternating.</summary>
    public IReadOnlyList<(double Fraction, bool Inside)> Transitions => transitions;

    /// <summary>
    /// Whether the arc has a length and the box holding the whole arc (bulge included) meets no edge of the fence:
    /// then the answer cannot change along it (the usual short move) and <see cref="Trace"/> is not needed. Only for
    /// arcs whose box stays within [-180, 180]; others are traced.
    /// </summary>
    /// <param name="fence">The fence.</param>
    /// <param name="arc">The move.</param>
    /// <param name="bounds">The arc's <see cref="GreatCircleArc.Bounds"/> when already computed.</param>
    /// <param name="edgesClear">True when the caller knows that no edge of the fence meets that box (from a larger box, see <see cref="FenceNeighbourhood"/>).</param>
    public static bool NoEdgeNear(
        PreparedFence fence,
        GreatCircleArc arc,
        (double MinX, double MaxX, double MinY, double MaxY)? bounds = null,
        bool edgesClear = false)
    {
        if (!(arc.LengthNauticalMiles > 0))
        {
            return false;
        }

        var (minX, maxX, minY, maxY) = bounds ?? arc.Bounds();
        if (minX < -180 || maxX > 180)
        {
            return false;
        }

        if (!fence.EnvelopeTouches(minX, maxX, minY, maxY))
        {
            return true;
        }

        return edgesClear || !fence.AnyEdgeMeets(minX, maxX, minY, maxY);
    }

    /// <summary>Traces an arc for which <see cref="NoEdgeNear"/> is false; returns whether its start is inside.</summary>
    public bool Trace()
    {
        var start = fence.Covers(arc.From);
        state = start;
        var length = arc.LengthNauticalMiles;
        if (length > 0)
        {
            var pieces = (int)Math.Clamp(Math.Ceiling(length / GeofenceCrossings.MaxPieceNauticalMiles), 1, GeofenceCrossings.MaxPieces);
            var s0 = 0.0;
            var p0 = arc.From;
            for (var i = 1; i <= pieces; i++)
            {
                var s1 = (double)i / pieces;
                var p1 = arc.At(s1);
                Piece(s0, p0, s1, p1, 0);
                (s0, p0) = (s1, p1);
            }
        }

        var end = fence.Covers(arc.To);
        if (end != state)
        {
            Change(1, end);
        }

        Refine();
        return start;
    }

    private void Piece(double s0, GeoPoint p0, double s1, GeoPoint p1, int depth)
    {
        var x0 = p0.Longitude;
        var y0 = p0.Latitude;
        var x1 = x0 + Antimeridian.Wrap(p1.Longitude - x0);
        var y1 = p1.Latitude;
        var sm = (s0 + s1) / 2;
        var pm = arc.At(sm);
        var xm = x0 + Antimeridian.Wrap(pm.Longitude - x0);
        var dx = xm - ((x0 + x1) / 2);
        var dy = pm.Latitude - ((y0 + y1) / 2);

        var margin = (2 * Math.Max(Math.Abs(dx), Math.Abs(dy))) + 1e-9;
        if (!fence.EnvelopeTouches(
            Math.Min(Math.Min(x0, x1), xm) - margin,
            Math.Max(Math.Max(x0, x1), xm) + margin,
            Math.Min(Math.Min(y0, y1), pm.Latitude) - margin,
            Math.Max(Math.Max(y0, y1), pm.Latitude) + margin))
        {
            if (state)
            {
                Change(s0, false);
            }

            return;
        }

        var deviation = GreatCircleArc.NauticalMilesPerDegree
            * Math.Sqrt((dy * dy) + Square(dx * Math.Cos(pm.Latitude * Math.PI / 180)));
        var pieceLength = (s1 - s0) * arc.LengthNauticalMiles;
        if (deviation > MaxChordDeviationNauticalMiles && pieceLength > MinPieceNauticalMiles && depth < MaxDepth)
        {
            Piece(s0, p0, sm, pm, depth + 1);
            Piece(sm, pm, s1, p1, depth + 1);
            return;
        }

        // The chord stands in for the arc here. Split it where it crosses the antimeridian.
        if (x1 > 180 || x1 < -180)
        {
            var edge = x1 > 180 ? 180.0 : -180.0;
            var u = (edge - x0) / (x1 - x0);
            var yc = y0 + (u * (y1 - y0));
            var sc = s0 + (u * (s1 - s0));
            Chord(x0, y0, edge, yc, s0, sc);
            Chord(-edge, yc, x1 - (2 * edge), y1, sc, s1);
        }
        else
        {
            Chord(x0, y0, x1, y1, s0, s1);
        }
    }

    /// <summary>A straight lon/lat chord within [-180, 180] standing for the arc from <paramref name="s0"/> to <paramref name="s1"/>.</summary>
    private void Chord(double x0, double y0, double x1, double y1, double s0, double s1)
    {
        if (x0 == x1 && y0 == y1)
        {
            return;
        }

        var box = new Envelope(x0, x1, y0, y1);
        if (!box.Intersects(fence.Envelope))
        {
            if (state)
            {
                Change(s0, false);
            }

            return;
        }

        // Parameters (0..1 along the chord) where it meets an edge of the fence.
        var cuts = new List<double> { 0, 1 };
        var c0 = new Coordinate(x0, y0);
        var c1 = new Coordinate(x1, y1);
        var dx = x1 - x0;
        var dy = y1 - y0;
        var lengthSquared = (dx * dx) + (dy * dy);
        var intersector = new RobustLineIntersector();
        foreach (var edge in fence.EdgesNear(box))
        {
            intersector.ComputeIntersection(c0, c1, edge.P0, edge.P1);
            for (var i = 0; i < intersector.IntersectionNum; i++)
            {
                var p = intersector.GetIntersection(i);
                cuts.Add(Math.Clamp((((p.X - x0) * dx) + ((p.Y - y0) * dy)) / lengthSquared, 0, 1));
            }
        }

        cuts.Sort();

        // Between consecutive cuts the chord is wholly inside or wholly outside: its midpoint tells which.
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var u0 = cuts[i];
            var u1 = cuts[i + 1];
            if (u1 - u0 <= 1e-15)
            {
                continue;
            }

            var um = (u0 + u1) / 2;
            var inside = fence.Covers(y0 + (um * dy), x0 + (um * dx));
            if (inside != state)
            {
                Change(s0 + (u0 * (s1 - s0)), inside);
            }
        }
    }

    private void Change(double fraction, bool inside)
    {
        state = inside;
        transitions.Add((fraction, inside));
    }

    /// <summary>
    /// Moves each change onto the great circle, where the point-in-fence answer flips: a bracket around the chord's
    /// estimate (widened step by step when the track runs nearly along an edge, which magnifies the chord's small
    /// offset, but never past half-way to the neighbouring changes) is bisected.
    /// </summary>
    private void Refine()
    {
        var length = arc.LengthNauticalMiles;
        if (length == 0)
        {
            return;
        }

        var estimates = transitions.Select(t => t.Fraction).ToArray();
        for (var i = 0; i < transitions.Count; i++)
        {
            var (fraction, inside) = transitions[i];
            var loLimit = i > 0 ? (estimates[i - 1] + fraction) / 2 : 0;
            var hiLimit = i + 1 < estimates.Length ? (fraction + estimates[i + 1]) / 2 : 1;

            var lo = fraction;
            for (var w = RefineWindowNauticalMiles / length; lo > loLimit && fence.Covers(arc.At(lo)) == inside; w *= 2)
            {
                lo = Math.Max(loLimit, fraction - w);
            }

            var hi = fraction;
            for (var w = RefineWindowNauticalMiles / length; hi < hiLimit && fence.Covers(arc.At(hi)) != inside; w *= 2)
            {
                hi = Math.Min(hiLimit, fraction + w);
            }

            if (hi <= lo || fence.Covers(arc.At(lo)) == inside || fence.Covers(arc.At(hi)) != inside)
            {
                continue;
            }

            while ((hi - lo) * length > RefineToNauticalMiles)
            {
                var mid = (lo + hi) / 2;
                if (fence.Covers(arc.At(mid)) == inside)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            transitions[i] = (hi, inside);
        }
    }

    private static double Square(double x) => x * x;
}
