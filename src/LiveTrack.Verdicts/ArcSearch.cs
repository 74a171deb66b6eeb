using LiveTrack.Geo;
using LiveTrack.Geofencing;

namespace LiveTrack.Verdicts;

/// <summary>
/// Branch and bound along one leg for the signed distance to a fence's outline (positive outside, negative inside):
/// it is 1-Lipschitz along the great circle, so a piece of half-length h whose midpoint has value v holds values in
/// [v − h, v + h]. Pieces are halved until they are shorter than the tolerance.
/// </summary>
internal static class ArcSearch
{
    private const double Slack = 1e-6;

    /// <summary>
    /// The point of [<paramref name="s0"/>, <paramref name="s1"/>] with the smallest signed distance, when it is below
    /// <paramref name="best"/>; the search stops early at a value ≤ <paramref name="stopAtOrBelow"/>.
    /// </summary>
    public static (double Fraction, double Distance, GeoPoint Track, GeoPoint Boundary)? Minimum(
        GeofenceDefinition fence,
        LegArc arc,
        double s0,
        double s1,
        double best,
        double stopAtOrBelow,
        double tolerance)
    {
        (double, double, GeoPoint, GeoPoint)? result = null;
        var queue = new PriorityQueue<(double A, double B), double>();

        bool Evaluate(double a, double b)
        {
            var mid = (a + b) / 2;
            var half = (b - a) / 2 * arc.LengthNauticalMiles;
            var p = arc.At(mid);
            double value;
            if (GeofenceDistances.CoversHorizontally(fence, p))
            {
                var nearest = GeofenceDistances.NearestBoundaryPoint(fence, p);
                value = -(nearest?.DistanceNauticalMiles ?? 0);
                if (value < best)
                {
                    best = value;
                    result = (mid, value, p, nearest?.Point ?? p);
                }
            }
            else
            {
                var within = double.IsFinite(best) ? Math.Max(best, 0) + half + Slack : double.PositiveInfinity;
                var nearest = GeofenceDistances.NearestBoundaryPoint(fence, p, within);
                if (nearest is not { } n)
                {
                    return false; // farther than best + half everywhere on the piece
                }

                value = n.DistanceNauticalMiles;
                if (value < best)
                {
                    best = value;
                    result = (mid, value, p, n.Point);
                }
            }

            if (value <= stopAtOrBelow)
            {
                return true;
            }

            if (half > tolerance && value - half < best - tolerance)
            {
                queue.Enqueue((a, b), value - half);
            }

            return false;
        }

        if (Evaluate(s0, s1))
        {
            return result;
        }

        while (queue.TryDequeue(out var piece, out var lower))
        {
            if (lower >= best - tolerance)
            {
                break;
            }

            var mid = (piece.A + piece.B) / 2;
            if (Evaluate(piece.A, mid) || Evaluate(mid, piece.B))
            {
                break;
            }
        }

        return result;
    }

    /// <summary>Whether some point of [<paramref name="s0"/>, <paramref name="s1"/>] is inside the outline by more than <paramref name="depth"/>.</summary>
    public static bool ExceedsDepth(GeofenceDefinition fence, LegArc arc, double s0, double s1, double depth, double tolerance)
    {
        var queue = new PriorityQueue<(double A, double B), double>();

        bool Evaluate(double a, double b)
        {
            var mid = (a + b) / 2;
            var half = (b - a) / 2 * arc.LengthNauticalMiles;
            var p = arc.At(mid);
            double upper;
            if (GeofenceDistances.CoversHorizontally(fence, p))
            {
                if (GeofenceDistances.NearestBoundaryPoint(fence, p, depth + half + Slack) is not { } n || n.DistanceNauticalMiles > depth)
                {
                    return true;
                }

                upper = n.DistanceNauticalMiles + half;
            }
            else
            {
                if (GeofenceDistances.NearestBoundaryPoint(fence, p, half + Slack) is not { } n)
                {
                    return false; // outside by more than the piece's half-length everywhere on it
                }

                upper = half - n.DistanceNauticalMiles;
            }

            if (upper > depth && half > tolerance)
            {
                queue.Enqueue((a, b), -upper);
            }

            return false;
        }

        if (Evaluate(s0, s1))
        {
            return true;
        }

        while (queue.TryDequeue(out var piece, out _))
        {
            var mid = (piece.A + piece.B) / 2;
            if (Evaluate(piece.A, mid) || Evaluate(mid, piece.B))
            {
                return true;
            }
        }

        return false;
    }
}
