using System.Runtime.CompilerServices;
using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// Branch and bound over a fence's outline for the minimum of a Lipschitz function of the position (see
/// <see cref="GeofenceDistances"/> for the method). Single use.
/// </summary>
/// <param name="fence">The fence.</param>
/// <param name="centre">Centre of the caps searched.</param>
/// <param name="value">The function minimised, in nautical miles.</param>
/// <param name="lipschitz">How fast it can change per nautical mile moved.</param>
/// <param name="radiusFor">The cap radius around <paramref name="centre"/> that holds every point where the function is ≤ its argument.</param>
/// <param name="tolerance">Absolute accuracy of the minimum.</param>
internal sealed class BoundarySearch(
    PreparedFence fence,
    GeoPoint centre,
    Func<GeoPoint, double> value,
    double lipschitz,
    Func<double, double> radiusFor,
    double tolerance)
{
    private const double InitialRadiusNauticalMiles = 16;
    private const double QuarterCircumferenceNauticalMiles = Geodesy.EarthRadiusNauticalMiles * Math.PI / 2;
    private const int MaxNodes = 1_000_000;

    /// <summary>Pieces this short (half-length, nm) are resolved by golden-section search instead of being halved further.</summary>
    private const double ResolveHalfLengthNauticalMiles = 30;
    private const double DegreesToRadians = Math.PI / 180;

    public BoundaryPoint? Run(double within)
    {
        if (double.IsNaN(within) || within < 0)
        {
            return null;
        }

        var limitRadius = radiusFor(within);
        var radius = double.IsFinite(limitRadius) ? limitRadius : InitialRadiusNauticalMiles;
        while (true)
        {
            var edges = CandidateEdges(radius);
            var result = Minimise(edges, within);
            if (result is { } found)
            {
                var needed = radiusFor(found.DistanceNauticalMiles);
                if (needed <= radius || radius >= QuarterCircumferenceNauticalMiles)
                {
                    return found;
                }

                radius = needed;
                continue;
            }

            if (radius >= limitRadius || radius >= QuarterCircumferenceNauticalMiles)
            {
                return null;
            }

            radius = Math.Min(radius * 4, limitRadius);
        }
    }

    private List<Edge> CandidateEdges(double radius)
    {
        var edges = new List<Edge>();
        var seams = Seams.For(fence);
        foreach (var box in CapBoxes(centre, radius))
        {
            foreach (var segment in fence.EdgesNear(box))
            {
                seams.AddOutline(segment, edges);
            }
        }

        return edges;
    }

    private BoundaryPoint? Minimise(List<Edge> edges, double within)
    {
        var best = within;
        GeoPoint? bestPoint = null;
        var queue = new PriorityQueue<Node, double>();

        void Consider(double v, GeoPoint point)
        {
            if (v <= best)
            {
                best = v;
                bestPoint = point;
            }
        }

        void Evaluate(in Edge e, double t0, double t1)
        {
            var t = (t0 + t1) / 2;
            var point = e.At(t);
            var v = value(point);
            Consider(v, point);
            var lower = v - (lipschitz * HalfLength(e, t0, t1));
            if (lower < best - tolerance)
            {
                queue.Enqueue(new Node(e, t0, t1), lower);
            }
        }

        foreach (var e in edges)
        {
            Evaluate(e, 0, 1);
        }

        var nodes = 0;
        while (queue.TryDequeue(out var node, out var lower) && nodes++ < MaxNodes)
        {
            if (lower >= best - tolerance)
            {
                break;
            }

            if (HalfLength(node.Edge, node.T0, node.T1) <= ResolveHalfLengthNauticalMiles)
            {
                var (v, point) = GoldenSection(node.Edge, node.T0, node.T1);
                Consider(v, point);
                continue;
            }

            var mid = (node.T0 + node.T1) / 2;
            Evaluate(node.Edge, node.T0, mid);
            Evaluate(node.Edge, mid, node.T1);
        }

        return bestPoint is { } p ? new BoundaryPoint(p, best) : null;
    }

    /// <summary>
    /// The minimum over a short piece, where the function is unimodal (a distance, or a sum of two, along a nearly
    /// straight line): golden-section search to 1e-6 nm along the piece, ends included.
    /// </summary>
    private (double Value, GeoPoint Point) GoldenSection(in Edge e, double a, double b)
    {
        const double InverseGolden = 0.6180339887498949;
        var length = 2 * HalfLength(e, a, b);
        var c = b - (InverseGolden * (b - a));
        var d = a + (InverseGolden * (b - a));
        var fc = value(e.At(c));
        var fd = value(e.At(d));
        for (var i = 0; i < 80 && length > 1e-6; i++)
        {
            if (fc <= fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (InverseGolden * (b - a));
                fc = value(e.At(c));
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (InverseGolden * (b - a));
                fd = value(e.At(d));
            }

            length *= InverseGolden;
        }

        var (t, v) = fc <= fd ? (c, fc) : (d, fd);
        foreach (var end in new[] { a, b })
        {
            var fe = value(e.At(end));
            if (fe < v)
            {
                (t, v) = (end, fe);
            }
        }

        return (v, e.At(t));
    }

    /// <summary>An upper bound of the distance from the middle of the piece to any point of it, in nautical miles.</summary>
    private static double HalfLength(in Edge e, double t0, double t1)
    {
        var span = t1 - t0;
        var ya = e.Y0 + (t0 * e.Dy);
        var yb = e.Y0 + (t1 * e.Dy);
        var nearestEquator = ya <= 0 && yb >= 0 || yb <= 0 && ya >= 0 ? 0 : Math.Min(Math.Abs(ya), Math.Abs(yb));
        var cos = Math.Cos(nearestEquator * DegreesToRadians);
        var dx = cos * e.Dx * span;
        var dy = e.Dy * span;
        return 0.5 * GreatCircleArc.NauticalMilesPerDegree * Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>Lon/lat boxes (within [-180, 180]) covering the spherical cap of <paramref name="radius"/> around <paramref name="c"/>.</summary>
    private static IEnumerable<Envelope> CapBoxes(GeoPoint c, double radius)
    {
        const double Slack = 1e-9;
        if (radius >= QuarterCircumferenceNauticalMiles)
        {
            yield return new Envelope(-180, 180, -90, 90);
            yield break;
        }

        var dLat = radius / GreatCircleArc.NauticalMilesPerDegree;
        var minY = c.Latitude - dLat - Slack;
        var maxY = c.Latitude + dLat + Slack;
        if (maxY >= 90 || minY <= -90)
        {
            yield return new Envelope(-180, 180, Math.Max(-90, minY), Math.Min(90, maxY));
            yield break;
        }

        var sin = Math.Sin(radius / Geodesy.EarthRadiusNauticalMiles) / Math.Cos(c.Latitude * DegreesToRadians);
        var dLon = (Math.Asin(Math.Min(1, sin)) / DegreesToRadians) + Slack;
        var minX = c.Longitude - dLon;
        var maxX = c.Longitude + dLon;
        if (minX < -180)
        {
            yield return new Envelope(minX + 360, 180, minY, maxY);
            yield return new Envelope(-180, maxX, minY, maxY);
        }
        else if (maxX > 180)
        {
            yield return new Envelope(minX, 180, minY, maxY);
            yield return new Envelope(-180, maxX - 360, minY, maxY);
        }
        else
        {
            yield return new Envelope(minX, maxX, minY, maxY);
        }
    }

    /// <summary>A straight lon/lat stretch of outline.</summary>
    internal readonly record struct Edge(double X0, double Y0, double Dx, double Dy)
    {
        public GeoPoint At(double t) => new(Y0 + (t * Dy), X0 + (t * Dx));
    }

    private readonly record struct Node(Edge Edge, double T0, double T1);

    /// <summary>
    /// The stretches of ±180 that are a split, not outline: covered by the fence's edges on both sides of the
    /// meridian (the antimeridian normalisation snaps both halves onto it exactly). Built once per fence.
    /// </summary>
    private sealed class Seams
    {
        private static readonly ConditionalWeakTable<PreparedFence, Seams> Cache = new();

        private readonly List<(double Lo, double Hi)> east = [];
        private readonly List<(double Lo, double Hi)> west = [];

        private Seams(PreparedFence fence)
        {
            foreach (var segment in fence.EdgesNear(new Envelope(180, 180, -90, 90)))
            {
                AddMeridian(segment, 180, east);
            }

            foreach (var segment in fence.EdgesNear(new Envelope(-180, -180, -90, 90)))
            {
                AddMeridian(segment, -180, west);
            }

            east.Sort();
            west.Sort();
        }

        public static Seams For(PreparedFence fence) => Cache.GetValue(fence, static f => new Seams(f));

        /// <summary>Adds the parts of <paramref name="segment"/> that are outline.</summary>
        public void AddOutline(LineSegment segment, List<Edge> output)
        {
            var (p0, p1) = (segment.P0, segment.P1);
            if (p0.Y == p1.Y && Math.Abs(p0.Y) == 90)
            {
                return; // along a pole: a single point
            }

            if (p0.X == p1.X && Math.Abs(p0.X) == 180)
            {
                var other = p0.X > 0 ? west : east;
                var lo = Math.Min(p0.Y, p1.Y);
                var hi = Math.Max(p0.Y, p1.Y);
                foreach (var (a, b) in other)
                {
                    if (b <= lo || a >= hi)
                    {
                        continue;
                    }

                    if (a > lo)
                    {
                        output.Add(new Edge(p0.X, lo, 0, a - lo));
                    }

                    lo = Math.Max(lo, b);
                    if (lo >= hi)
                    {
                        return;
                    }
                }

                output.Add(new Edge(p0.X, lo, 0, hi - lo));
                return;
            }

            output.Add(new Edge(p0.X, p0.Y, p1.X - p0.X, p1.Y - p0.Y));
        }

        private static void AddMeridian(LineSegment segment, double x, List<(double Lo, double Hi)> into)
        {
            if (segment.P0.X == x && segment.P1.X == x && segment.P0.Y != segment.P1.Y)
            {
                into.Add((Math.Min(segment.P0.Y, segment.P1.Y), Math.Max(segment.P0.Y, segment.P1.Y)));
            }
        }
    }
}
