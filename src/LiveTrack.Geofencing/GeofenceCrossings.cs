namespace LiveTrack.Geofencing;

/// <summary>
/// Finds where an aircraft crossed a fence between two consecutive positions: every entry and exit, in order,
/// with the crossing point on the great circle between the positions and the interpolated time and altitude.
/// </summary>
/// <remarks>
/// <para>The aircraft is assumed to fly the great circle between the two positions at constant speed (time is
/// interpolated linearly in distance) and to climb or descend at a constant rate (altitude is interpolated linearly).
/// It is inside the fence where it is inside horizontally (boundary included) and within the altitude band — the
/// same rule as <see cref="GeofenceDefinition.Contains(double, double, int?)"/>, so the crossings always lead from
/// the answer at the first position to the answer at the second.</para>
/// <para>Horizontal method (<see cref="LateralTracer"/>): the great circle is cut into at most 64 pieces of at most
/// 1 nm (fewer, longer pieces for segments over 64 nm). A piece whose box (grown by how far the arc bulges from
/// the straight lon/lat chord) misses the fence's envelope is skipped — the fast path. A piece near the fence is
/// halved, recursively, until its lon/lat chord is within 0.001 nm (≈ 2 m) of the great circle or it is shorter
/// than 0.005 nm; the chord is then split at ±180 if it crosses the antimeridian and intersected exactly with the
/// fence's edges (NetTopologySuite <c>RobustLineIntersector</c> against an STR-tree of edges). The cut points
/// divide the chord into stretches wholly inside or outside, told apart by locating each stretch's midpoint. Each
/// state change is finally refined by bisection on the true great circle, against the same point-in-fence test as
/// <see cref="GeofenceDefinition.Contains(double, double, int?)"/>, to 0.00001 nm (2 cm). A segment that passes
/// through a small fence while neither position is inside therefore yields Entered then Exited; crossing the
/// antimeridian inside a fence that is split there yields nothing.</para>
/// <para>Vertical: floor and ceiling crossings are solved exactly from the linear altitude profile. When one
/// position has no altitude, the last known altitude is held until the next position (a first position without
/// altitude leaves the altitude unknown until the second): a 3D fence's answer then changes only at the second
/// position, reported with <see cref="GeofenceBoundary.AltitudeUnknown"/>.</para>
/// </remarks>
public static class GeofenceCrossings
{
    /// <summary>Longest initial piece of the great circle, in nautical miles.</summary>
    public const double MaxPieceNauticalMiles = 1;

    /// <summary>Most initial pieces (longer segments get longer pieces, refined near the fence).</summary>
    public const int MaxPieces = 64;

    private const double SameFraction = 1e-12;

    /// <summary>
    /// The crossings of <paramref name="fence"/> between <paramref name="from"/> and <paramref name="to"/>, in order
    /// along the segment (empty when the aircraft stays inside or stays outside throughout).
    /// </summary>
    /// <exception cref="ArgumentException">A latitude is outside -90..90 or a coordinate is not finite.</exception>
    public static IReadOnlyList<GeofenceCrossing> Find(GeofenceDefinition fence, TrackPosition from, TrackPosition to) =>
        Find(fence, from, to, null);

    /// <summary>
    /// The same crossings as <see cref="Find(GeofenceDefinition, TrackPosition, TrackPosition)"/>. When
    /// <paramref name="neighbourhood"/> was just given this move (<see cref="GeofenceIndex.CandidatesAlong(LiveTrack.Geo.GeoPoint, LiveTrack.Geo.GeoPoint, FenceNeighbourhood)"/>),
    /// the move's arc and box are reused and, for a fence none of whose edges comes into the neighbourhood's box, the
    /// edge query is skipped: the usual move, far from any edge, then costs two point-in-fence tests.
    /// </summary>
    /// <exception cref="ArgumentException">A latitude is outside -90..90 or a coordinate is not finite.</exception>
    public static IReadOnlyList<GeofenceCrossing> Find(GeofenceDefinition fence, TrackPosition from, TrackPosition to, FenceNeighbourhood? neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(fence);
        Validate(from, nameof(from));
        Validate(to, nameof(to));

        var prepared = PreparedFence.For(fence);
        var noEdgeNear = neighbourhood is not null && neighbourhood.TryGetMove(fence, from.Point, to.Point, out var arc, out var bounds, out var edgesClear)
            ? LateralTracer.NoEdgeNear(prepared, arc, bounds, edgesClear)
            : LateralTracer.NoEdgeNear(prepared, arc = new GreatCircleArc(from.Point, to.Point));
        bool lateralInside;
        IReadOnlyList<(double Fraction, bool Inside)> lateralTransitions;
        if (noEdgeNear)
        {
            // No edge of the fence comes near the move: the horizontal answer is the start's throughout.
            (lateralInside, lateralTransitions) = (prepared.Covers(arc.From), []);
        }
        else
        {
            var lateral = new LateralTracer(prepared, arc);
            lateralInside = lateral.Trace();
            lateralTransitions = lateral.Transitions;
        }

        var profile = new AltitudeProfile(from.AltitudeFeet, to.AltitudeFeet);
        var (verticalInside, vertical) = VerticalTransitions(fence, profile);
        if (lateralTransitions.Count == 0 && vertical.Count == 0)
        {
            return []; // The usual case: the aircraft stays inside or stays outside.
        }

        var transitions = lateralTransitions
            .Select(t => (t.Fraction, Lateral: true, t.Inside, Boundary: GeofenceBoundary.Lateral))
            .Concat(vertical.Select(t => (t.Fraction, Lateral: false, t.Inside, t.Boundary)))
            .OrderBy(t => t.Fraction)
            .ThenBy(t => t.Lateral ? 0 : 1)
            .ToList();

        var crossings = new List<GeofenceCrossing>();
        var inside = lateralInside && verticalInside;
        for (var i = 0; i < transitions.Count;)
        {
            var fraction = transitions[i].Fraction;
            var boundary = (GeofenceBoundary?)null;
            for (; i < transitions.Count && transitions[i].Fraction - fraction <= SameFraction; i++)
            {
                var t = transitions[i];
                if (t.Lateral)
                {
                    lateralInside = t.Inside;
                }
                else
                {
                    verticalInside = t.Inside;
                }

                boundary ??= t.Boundary;
            }

            var now = lateralInside && verticalInside;
            if (now == inside)
            {
                continue;
            }

            inside = now;
            crossings.Add(new GeofenceCrossing(
                now ? GeofenceCrossingKind.Entered : GeofenceCrossingKind.Exited,
                boundary!.Value,
                arc.At(fraction),
                from.Time + ((to.Time - from.Time) * fraction),
                profile.At(fraction),
                fraction));
        }

        return crossings;
    }

    private static void Validate(TrackPosition position, string name)
    {
        if (!double.IsFinite(position.Latitude) || position.Latitude is < -90 or > 90 || !double.IsFinite(position.Longitude))
        {
            throw new ArgumentException("Latitude must be within -90..90 and longitude finite.", name);
        }
    }

    private static (bool Inside, IReadOnlyList<(double Fraction, bool Inside, GeofenceBoundary Boundary)> Transitions) VerticalTransitions(
        GeofenceDefinition fence,
        AltitudeProfile profile)
    {
        var start = fence.AllowsAltitude(profile.At(0));
        if (!fence.HasAltitudeBand)
        {
            return (start, []);
        }

        var transitions = new List<(double, bool, GeofenceBoundary)>();

        var state = start;
        if (profile.Start is { } a && profile.End is { } b)
        {
            // Linear profile: the answer can change only where it meets the floor or the ceiling.
            var breaks = new List<(double Fraction, GeofenceBoundary Boundary)> { (0, GeofenceBoundary.Floor), (1, GeofenceBoundary.Floor) };
            if (a != b)
            {
                foreach (var (limit, boundary) in new[] { (fence.FloorFeet, GeofenceBoundary.Floor), (fence.CeilingFeet, GeofenceBoundary.Ceiling) })
                {
                    if (limit is { } value)
                    {
                        var s = (value - a) / (double)(b - a);
                        if (s is >= 0 and <= 1)
                        {
                            breaks.Add((s, boundary));
                        }
                    }
                }
            }

            breaks.Sort((x, y) => x.Fraction.CompareTo(y.Fraction));
            for (var i = 0; i + 1 < breaks.Count; i++)
            {
                var (s0, boundary) = breaks[i];
                var s1 = breaks[i + 1].Fraction;
                if (s1 - s0 <= SameFraction)
                {
                    continue;
                }

                var within = fence.AllowsAltitude(profile.At((s0 + s1) / 2));
                if (within != state)
                {
                    state = within;
                    transitions.Add((s0, within, s0 == 0 ? LimitAt(fence, a) : boundary));
                }
            }

            var end = fence.AllowsAltitude(b);
            if (end != state)
            {
                transitions.Add((1, end, LimitAt(fence, b)));
            }
        }
        else
        {
            // Held altitude (or unknown) until the second position, where the answer may change.
            var end = fence.AllowsAltitude(profile.End);
            if (end != state)
            {
                transitions.Add((1, end, GeofenceBoundary.AltitudeUnknown));
            }
        }

        return (start, transitions);
    }

    private static GeofenceBoundary LimitAt(GeofenceDefinition fence, double altitude) =>
        fence.CeilingFeet is { } ceiling && Math.Abs(altitude - ceiling) <= Math.Abs(altitude - (fence.FloorFeet ?? double.NegativeInfinity))
            ? GeofenceBoundary.Ceiling
            : GeofenceBoundary.Floor;

    /// <summary>Altitude along the segment: linear between two known altitudes, else held from the first.</summary>
    private readonly record struct AltitudeProfile(int? Start, int? End)
    {
        public double? At(double fraction) => fraction >= 1
            ? End
            : Start is { } a && End is { } b ? a + ((b - a) * fraction) : Start;
    }
}
