using LiveTrack.Geo;
using LiveTrack.Geofencing;

namespace LiveTrack.Verdicts;

/// <summary>
/// One verdict being computed (single use). The steps, in order:
/// <list type="number">
/// <item>Positions: those in the window with valid coordinates, in time order (stable for equal times). Each gets
/// its horizontal uncertainty (<see cref="PositionUncertainty"/>) plus the fence's tolerance, and its altitude
/// (barometric, else geometric).</item>
/// <item>Distance to the outline: exact (<see cref="GeofenceDistances.NearestBoundaryPoint"/>) where it matters,
/// else a proven lower bound: the distance is 1-Lipschitz, so it falls by at most the great-circle distance flown
/// since the last exact value. An exact value is taken when the bound drops to the report's uncertainty or below
/// half the last exact value.</item>
/// <item>Each report is inside (outline and band, both by more than the uncertainties), outside (outline or band by
/// more than the uncertainty) or uncertain.</item>
/// <item>Legs between consecutive reports no longer than the gap threshold are flown on the great circle: crossings
/// from <see cref="GeofenceCrossings.Find(GeofenceDefinition, TrackPosition, TrackPosition)"/> (called when the outline could be crossed — the two reports'
/// distances to it do not exceed the leg's length — or when the altitude changes inside the outline); an entering
/// leg is decisive when some point of it is inside by more than the larger uncertainty of its reports; a leg
/// between two outside reports is checked for a point within that uncertainty.</item>
/// <item>Longer intervals are coverage gaps, judged by the reachable ellipse and altitude range.</item>
/// <item>The rule, the closest approach, the intervals inside and the summary.</item>
/// </list>
/// </summary>
internal sealed class VerdictComputation
{
    /// <summary>Arc searches stop on pieces shorter than this (nm): the accuracy of closest approaches on legs.</summary>
    private const double ArcTolerance = 0.005;

    /// <summary>Slack on the crossing test, covering the distances' own tolerance.</summary>
    private const double Slack = 1e-4;

    private readonly VerdictFence fence;
    private readonly GeofenceDefinition definition;
    private readonly string? icao;
    private readonly DateTimeOffset from;
    private readonly DateTimeOffset to;
    private readonly VerdictOptions options;
    private readonly VerdictPosition[] reports;
    private readonly int rejected;
    private readonly bool threeD;
    private readonly double floor;
    private readonly double ceiling;
    private readonly double verticalUncertainty;

    private GeoPoint[] points = [];
    private double[] uncertainty = [];
    private UncertaintyBasis[] basis = [];
    private bool[] insideOutline = [];
    private bool[] contains = [];
    private double[] lowerBound = [];
    private double?[] exact = [];
    private GeoPoint?[] nearestPoint = [];
    private bool[] verticallyClear = [];
    private bool[] verticallyDeep = [];
    private PositionEvidence[] evidence = [];
    private double[] legLength = [];

    public VerdictComputation(
        VerdictFence fence,
        string? icao,
        IEnumerable<VerdictPosition> positions,
        DateTimeOffset from,
        DateTimeOffset to,
        VerdictOptions options)
    {
        this.fence = fence;
        definition = fence.Definition;
        this.icao = icao;
        this.from = from;
        this.to = to;
        this.options = options;
        var all = positions as IReadOnlyCollection<VerdictPosition> ?? positions.ToArray();
        reports = all
            .Where(p => p is not null && p.Time >= from && p.Time <= to
                && double.IsFinite(p.Latitude) && p.Latitude is >= -90 and <= 90 && double.IsFinite(p.Longitude))
            .OrderBy(p => p.Time)
            .ToArray();
        rejected = all.Count - reports.Length;
        threeD = definition.HasAltitudeBand;
        floor = definition.FloorFeet ?? double.NegativeInfinity;
        ceiling = definition.CeilingFeet ?? double.PositiveInfinity;
        verticalUncertainty = options.VerticalUncertaintyFeet;
    }

    private int Count => reports.Length;

    private double Tolerance => fence.ToleranceNauticalMiles;

    public Verdict Run()
    {
        Prepare();
        Distances();
        Classify();

        var crossings = new List<VerdictCrossing>();
        var decisiveLegs = new List<int>();
        var uncertainLegs = new List<(int Leg, DateTimeOffset Time)>();
        var crossingsByLeg = new Dictionary<int, IReadOnlyList<GeofenceCrossing>>();
        for (var i = 0; i + 1 < Count; i++)
        {
            if (!Covered(i))
            {
                continue;
            }

            var legCrossings = NeedsCrossings(i) ? GeofenceCrossings.Find(definition, Track(i), Track(i + 1)) : [];
            if (legCrossings.Count > 0)
            {
                crossingsByLeg[i] = legCrossings;
            }

            var decisive = false;
            if (legCrossings.Any(c => c.Kind == GeofenceCrossingKind.Entered))
            {
                decisive = LegGoesDeep(i);
                if (decisive)
                {
                    decisiveLegs.Add(i);
                }
                else
                {
                    uncertainLegs.Add((i, legCrossings[0].Time));
                }
            }
            else if (legCrossings.Count > 0)
            {
                uncertainLegs.Add((i, legCrossings[0].Time));
            }
            else if (evidence[i] == PositionEvidence.Outside && evidence[i + 1] == PositionEvidence.Outside
                && LegComesNear(i) is { } near)
            {
                uncertainLegs.Add((i, near));
            }

            foreach (var c in legCrossings)
            {
                crossings.Add(new VerdictCrossing(
                    c.Kind,
                    c.Boundary,
                    c.Point,
                    c.Time,
                    c.AltitudeFeet,
                    Report(i),
                    Report(i + 1),
                    (reports[i + 1].Time - reports[i].Time).TotalSeconds,
                    decisive && c.Kind == GeofenceCrossingKind.Entered));
            }
        }

        var gaps = Gaps();
        var intervals = InsideIntervals(crossingsByLeg);
        var neverInside = crossings.Count == 0 && !contains.Any(c => c);
        var closest = neverInside && Count > 0 ? ClosestApproach() : null;
        var vertical = neverInside && threeD ? VerticalApproach() : null;

        var (outcome, reasons) = Decide(decisiveLegs, uncertainLegs, gaps, crossings);
        var callsign = MostFrequentCallsign();
        var summary = new VerdictWording(
            callsign ?? icao?.ToUpperInvariant(),
            fence,
            from,
            to).Summary(outcome, reasons, FirstInside(), crossings.FirstOrDefault(c => c.Decisive), closest, vertical);

        return new Verdict(
            outcome,
            summary,
            reasons.Select(r => r.Reason).ToArray(),
            icao,
            callsign,
            new VerdictFenceSummary(definition.Id, definition.Name, definition.Tags, definition.FloorFeet, definition.CeilingFeet, Tolerance, fence.Provenance),
            from,
            to,
            Parameters(),
            Considered(),
            crossings,
            intervals,
            closest,
            vertical,
            gaps,
            options.IncludePositions ? Evaluated() : null);
    }

    private void Prepare()
    {
        var n = Count;
        points = new GeoPoint[n];
        uncertainty = new double[n];
        basis = new UncertaintyBasis[n];
        insideOutline = new bool[n];
        contains = new bool[n];
        legLength = new double[Math.Max(0, n - 1)];
        for (var i = 0; i < n; i++)
        {
            var r = reports[i];
            points[i] = new GeoPoint(r.Latitude, Geodesy.NormalizeLongitude(r.Longitude));
            var (u, b) = PositionUncertainty.Of(r, options);
            uncertainty[i] = u + Tolerance;
            basis[i] = b;
            insideOutline[i] = GeofenceDistances.CoversHorizontally(definition, points[i]);
            contains[i] = insideOutline[i] && definition.AllowsAltitude(r.AltitudeFeet);
            if (i > 0)
            {
                legLength[i - 1] = Geodesy.DistanceNauticalMiles(points[i - 1], points[i]);
            }
        }
    }

    private void Distances()
    {
        var n = Count;
        lowerBound = new double[n];
        exact = new double?[n];
        nearestPoint = new GeoPoint?[n];
        var anchor = double.NaN;
        var travelled = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                travelled += legLength[i - 1];
            }

            var bound = anchor - travelled;
            if (double.IsNaN(anchor) || bound <= uncertainty[i] || bound < anchor / 2)
            {
                var within = double.IsNaN(anchor) ? double.PositiveInfinity : anchor + travelled + Slack;
                var d = Exact(i, within);
                anchor = d;
                travelled = 0;
                lowerBound[i] = d;
            }
            else
            {
                lowerBound[i] = bound;
            }
        }
    }

    /// <summary>
    /// The exact distance from report <paramref name="i"/> to the outline (cached); when no outline point lies within
    /// <paramref name="within"/>, that limit, as a lower bound.
    /// </summary>
    private double Exact(int i, double within = double.PositiveInfinity)
    {
        if (exact[i] is { } known)
        {
            return known;
        }

        if (GeofenceDistances.NearestBoundaryPoint(definition, points[i], within) is { } nearest)
        {
            exact[i] = nearest.DistanceNauticalMiles;
            nearestPoint[i] = nearest.Point;
            lowerBound[i] = nearest.DistanceNauticalMiles;
            return nearest.DistanceNauticalMiles;
        }

        var bound = double.IsFinite(within) ? within : double.MaxValue;
        lowerBound[i] = Math.Max(lowerBound[i], bound);
        return bound;
    }

    private void Classify()
    {
        var n = Count;
        verticallyClear = new bool[n];
        verticallyDeep = new bool[n];
        evidence = new PositionEvidence[n];
        for (var i = 0; i < n; i++)
        {
            if (!threeD)
            {
                verticallyDeep[i] = true;
            }
            else if (reports[i].AltitudeFeet is { } alt)
            {
                verticallyClear[i] = alt < floor - verticalUncertainty || alt > ceiling + verticalUncertainty;
                verticallyDeep[i] = alt > floor + verticalUncertainty && alt < ceiling - verticalUncertainty;
            }

            var clear = lowerBound[i] > uncertainty[i];
            evidence[i] = verticallyClear[i] || (!insideOutline[i] && clear)
                ? PositionEvidence.Outside
                : insideOutline[i] && clear && verticallyDeep[i] ? PositionEvidence.Inside : PositionEvidence.Uncertain;
        }
    }

    private bool Covered(int leg) => reports[leg + 1].Time - reports[leg].Time <= options.GapThreshold;

    private bool NeedsCrossings(int i)
    {
        if (insideOutline[i] != insideOutline[i + 1] || lowerBound[i] + lowerBound[i + 1] <= legLength[i] + Slack)
        {
            return true;
        }

        // The outline is not crossed; inside it a 3D fence's answer can still change with the altitude.
        return threeD && insideOutline[i] && (reports[i].AltitudeFeet is null || reports[i].AltitudeFeet != reports[i + 1].AltitudeFeet);
    }

    private TrackPosition Track(int i) => new(points[i].Latitude, points[i].Longitude, reports[i].AltitudeFeet, reports[i].Time);

    private double LegUncertainty(int leg) => Math.Max(uncertainty[leg], uncertainty[leg + 1]);

    /// <summary>The fractions of leg <paramref name="leg"/> where the linear altitude lies within [lo, hi]; null when none or unknown.</summary>
    private (double S0, double S1)? AltitudeWithin(int leg, double lo, double hi, bool unknownMeansAll)
    {
        if (!threeD)
        {
            return (0, 1);
        }

        if (reports[leg].AltitudeFeet is not { } a || reports[leg + 1].AltitudeFeet is not { } b)
        {
            return unknownMeansAll ? (0, 1) : null;
        }

        if (a == b)
        {
            return a >= lo && a <= hi ? (0, 1) : null;
        }

        var s1 = (lo - a) / (double)(b - a);
        var s2 = (hi - a) / (double)(b - a);
        var start = Math.Max(0, Math.Min(s1, s2));
        var end = Math.Min(1, Math.Max(s1, s2));
        return start <= end ? (start, end) : null;
    }

    /// <summary>Whether some point of the leg is inside by more than the leg's uncertainty (outline and band).</summary>
    private bool LegGoesDeep(int leg)
    {
        if (AltitudeWithin(leg, floor + verticalUncertainty, ceiling - verticalUncertainty, unknownMeansAll: false) is not { } band)
        {
            return false;
        }

        var arc = new LegArc(points[leg], points[leg + 1], legLength[leg]);
        return ArcSearch.ExceedsDepth(definition, arc, band.S0, band.S1, LegUncertainty(leg), ArcTolerance);
    }

    /// <summary>The time of a point of the leg within the leg's uncertainty of the outline (where not clear vertically), or null.</summary>
    private DateTimeOffset? LegComesNear(int leg)
    {
        if (AltitudeWithin(leg, floor - verticalUncertainty, ceiling + verticalUncertainty, unknownMeansAll: true) is not { } band)
        {
            return null;
        }

        var u = LegUncertainty(leg);
        var lower = (lowerBound[leg] + lowerBound[leg + 1] - legLength[leg]) / 2;
        if (lower > u)
        {
            return null;
        }

        var arc = new LegArc(points[leg], points[leg + 1], legLength[leg]);
        var found = ArcSearch.Minimum(definition, arc, band.S0, band.S1, u + Slack, u, ArcTolerance);
        return found is { } f && f.Distance <= u ? At(leg, f.Fraction) : null;
    }

    private DateTimeOffset At(int leg, double fraction) =>
        reports[leg].Time + ((reports[leg + 1].Time - reports[leg].Time) * fraction);

    private double? AltitudeAt(int leg, double fraction) =>
        reports[leg].AltitudeFeet is { } a && reports[leg + 1].AltitudeFeet is { } b
            ? a + ((b - a) * fraction)
            : fraction >= 1 ? reports[leg + 1].AltitudeFeet : reports[leg].AltitudeFeet;

    private List<CoverageGap> Gaps()
    {
        var gaps = new List<CoverageGap>();
        var threshold = options.GapThreshold;
        if (Count == 0)
        {
            gaps.Add(new CoverageGap(GapKind.WholeWindow, from, to, (to - from).TotalSeconds, null, null, options.MaxSpeedKnots ?? options.MinimumMaxSpeedKnots,
                0, 0, null, null, true, null, null, true, true));
            return gaps;
        }

        if (options.IncludeWindowEdges && reports[0].Time - from > threshold)
        {
            gaps.Add(Gap(GapKind.WindowStart, from, reports[0].Time, 0, 0));
        }

        for (var i = 0; i + 1 < Count; i++)
        {
            if (!Covered(i))
            {
                gaps.Add(Gap(GapKind.BetweenReports, reports[i].Time, reports[i + 1].Time, i, i + 1));
            }
        }

        if (options.IncludeWindowEdges && to - reports[^1].Time > threshold)
        {
            gaps.Add(Gap(GapKind.WindowEnd, reports[^1].Time, to, Count - 1, Count - 1));
        }

        return gaps;
    }

    /// <summary>A gap between reports <paramref name="a"/> and <paramref name="b"/> (the same report for a window edge).</summary>
    private CoverageGap Gap(GapKind kind, DateTimeOffset start, DateTimeOffset end, int a, int b)
    {
        var seconds = (end - start).TotalSeconds;
        var hours = seconds / 3600;
        var focal = a == b ? 0 : legLength[a];
        var implied = hours > 0 ? focal / hours : 0;
        var observed = Math.Max(Math.Max(Speed(a), Speed(b)), implied);
        var maxSpeed = options.MaxSpeedKnots ?? Math.Max(options.MinimumMaxSpeedKnots, options.ObservedSpeedFactor * observed);
        var reach = a == b
            ? 2 * ((maxSpeed * hours) + uncertainty[a])
            : Math.Max(maxSpeed * hours, focal) + uncertainty[a] + uncertainty[b];

        bool reachesOutline;
        BoundaryPoint? closest = null;
        if (insideOutline[a] || insideOutline[b])
        {
            reachesOutline = true;
        }
        else
        {
            closest = GeofenceDistances.MinimumFocalSum(definition, points[a], points[b], reach);
            reachesOutline = closest is not null;
        }

        double? minFeet = null, maxFeet = null;
        var reachesBand = true;
        if (threeD && reports[a].AltitudeFeet is { } ha && reports[b].AltitudeFeet is { } hb)
        {
            var climb = options.MaxVerticalRateFeetPerMinute * seconds / 60;
            if (a == b)
            {
                (minFeet, maxFeet) = (ha - climb - verticalUncertainty, ha + climb + verticalUncertainty);
            }
            else
            {
                var span = Math.Max(climb, Math.Abs(ha - hb));
                (minFeet, maxFeet) = (((ha + hb - span) / 2) - verticalUncertainty, ((ha + hb + span) / 2) + verticalUncertainty);
            }

            reachesBand = maxFeet >= floor && minFeet <= ceiling;
        }

        return new CoverageGap(
            kind,
            start,
            end,
            seconds,
            kind == GapKind.WindowStart ? null : Report(a),
            kind == GapKind.WindowEnd ? null : Report(b),
            maxSpeed,
            reach,
            focal,
            closest?.DistanceNauticalMiles,
            closest?.Point,
            reachesOutline,
            minFeet,
            maxFeet,
            reachesBand,
            reachesOutline && reachesBand);
    }

    private double Speed(int i) => reports[i].GroundSpeedKnots is { } v && double.IsFinite(v) && v > 0 ? v : 0;

    private List<InsideInterval> InsideIntervals(Dictionary<int, IReadOnlyList<GeofenceCrossing>> crossingsByLeg)
    {
        var intervals = new List<InsideInterval>();
        if (Count == 0)
        {
            return intervals;
        }

        var inside = contains[0];
        var start = reports[0].Time;
        var startsWith = IntervalEdge.FirstReport;
        for (var i = 0; i + 1 < Count; i++)
        {
            if (!Covered(i))
            {
                if (inside)
                {
                    intervals.Add(new InsideInterval(start, reports[i].Time, startsWith, IntervalEdge.GapStart));
                }

                inside = contains[i + 1];
                (start, startsWith) = (reports[i + 1].Time, IntervalEdge.GapEnd);
                continue;
            }

            if (crossingsByLeg.TryGetValue(i, out var legCrossings))
            {
                foreach (var c in legCrossings)
                {
                    if (c.Kind == GeofenceCrossingKind.Entered && !inside)
                    {
                        (inside, start, startsWith) = (true, c.Time, IntervalEdge.Crossing);
                    }
                    else if (c.Kind == GeofenceCrossingKind.Exited && inside)
                    {
                        intervals.Add(new InsideInterval(start, c.Time, startsWith, IntervalEdge.Crossing));
                        inside = false;
                    }
                }
            }

            if (inside != contains[i + 1])
            {
                // Only when a crossing fell exactly on a report: follow the report.
                if (inside)
                {
                    intervals.Add(new InsideInterval(start, reports[i + 1].Time, startsWith, IntervalEdge.Crossing));
                }
                else
                {
                    (start, startsWith) = (reports[i + 1].Time, IntervalEdge.Crossing);
                }

                inside = contains[i + 1];
            }
        }

        if (inside)
        {
            intervals.Add(new InsideInterval(start, reports[^1].Time, startsWith, IntervalEdge.LastReport));
        }

        return intervals;
    }

    /// <summary>
    /// The point of the track nearest the outline: over reports and covered legs, leaving out what is clear of the
    /// altitude band by more than its uncertainty (unless everything is).
    /// </summary>
    private ClosestApproach? ClosestApproach()
    {
        var anyNotClear = verticallyClear.Any(c => !c);
        bool Considered(int i) => !anyNotClear || !verticallyClear[i];

        var best = double.PositiveInfinity;
        (int Leg, double Fraction, GeoPoint Track, GeoPoint Boundary)? at = null;

        void TryReport(int i)
        {
            var d = insideOutline[i] ? -Exact(i) : Exact(i);
            if (d < best)
            {
                best = d;
                at = (i, 0, points[i], nearestPoint[i] ?? points[i]);
            }
        }

        for (var i = 0; i < Count; i++)
        {
            if (Considered(i) && exact[i] is not null)
            {
                TryReport(i);
            }
        }

        var candidates = new List<(double Lower, int Index, bool IsLeg)>();
        for (var i = 0; i < Count; i++)
        {
            if (Considered(i))
            {
                candidates.Add((insideOutline[i] ? double.NegativeInfinity : lowerBound[i], i, false));
            }

            if (i + 1 < Count && Covered(i))
            {
                var lower = insideOutline[i] || insideOutline[i + 1] || NeedsCrossings(i)
                    ? double.NegativeInfinity
                    : Math.Max(0, (lowerBound[i] + lowerBound[i + 1] - legLength[i]) / 2);
                candidates.Add((lower, i, true));
            }
        }

        candidates.Sort((x, y) => x.Lower != y.Lower ? x.Lower.CompareTo(y.Lower) : x.Index != y.Index ? x.Index.CompareTo(y.Index) : x.IsLeg.CompareTo(y.IsLeg));
        foreach (var (lower, index, isLeg) in candidates)
        {
            if (lower >= best - ArcTolerance)
            {
                break;
            }

            if (!isLeg)
            {
                TryReport(index);
                continue;
            }

            var band = anyNotClear
                ? AltitudeWithin(index, floor - verticalUncertainty, ceiling + verticalUncertainty, unknownMeansAll: true)
                : (0, 1);
            if (band is not { } b)
            {
                continue;
            }

            var arc = new LegArc(points[index], points[index + 1], legLength[index]);
            if (ArcSearch.Minimum(definition, arc, b.S0, b.S1, best, double.NegativeInfinity, ArcTolerance) is { } found && found.Distance < best)
            {
                best = found.Distance;
                at = (index, found.Fraction, found.Track, found.Boundary);
            }
        }

        if (at is not { } p)
        {
            return null;
        }

        var isReport = p.Fraction == 0;
        var before = p.Leg;
        var after = isReport ? p.Leg : p.Leg + 1;
        var signed = best;
        var u = isReport ? uncertainty[before] : LegUncertainty(before);
        return new ClosestApproach(
            signed,
            u,
            signed - u,
            p.Track,
            p.Boundary,
            isReport ? reports[before].Time : At(before, p.Fraction),
            isReport ? reports[before].AltitudeFeet : AltitudeAt(before, p.Fraction),
            Report(before),
            Report(after));
    }

    private VerticalApproach? VerticalApproach()
    {
        VerticalApproach? best = null;
        for (var i = 0; i < Count; i++)
        {
            if (reports[i].AltitudeFeet is not { } alt || !(insideOutline[i] || lowerBound[i] <= uncertainty[i]))
            {
                continue;
            }

            var (limit, clearance) = alt < floor ? (AltitudeLimit.Floor, floor - alt) : (AltitudeLimit.Ceiling, alt - ceiling);
            if (clearance <= 0)
            {
                continue;
            }

            if (best is null || clearance < best.ClearanceFeet)
            {
                best = new VerticalApproach(limit, clearance, verticalUncertainty, clearance - verticalUncertainty, Report(i));
            }
        }

        return best;
    }

    private (VerdictOutcome Outcome, List<(VerdictEvidence Kind, VerdictReason Reason)> Reasons) Decide(
        List<int> decisiveLegs,
        List<(int Leg, DateTimeOffset Time)> uncertainLegs,
        List<CoverageGap> gaps,
        List<VerdictCrossing> crossings)
    {
        var words = new VerdictWording(null, fence, from, to);
        var reasons = new List<(VerdictEvidence, VerdictReason)>();
        void Add(VerdictEvidence kind, int count, DateTimeOffset? time, string message) =>
            reasons.Add((kind, new VerdictReason(kind, count, time, message)));

        var inside = Enumerable.Range(0, Count).Where(i => evidence[i] == PositionEvidence.Inside).ToList();
        if (inside.Count > 0 || decisiveLegs.Count > 0)
        {
            if (inside.Count > 0)
            {
                var i = inside[0];
                Add(VerdictEvidence.ReportInside, inside.Count, reports[i].Time, words.ReportsInside(inside.Count, reports[i].Time, Exact(i), uncertainty[i]));
            }

            if (decisiveLegs.Count > 0)
            {
                var c = crossings.First(x => x.Decisive);
                Add(VerdictEvidence.CrossingLeg, decisiveLegs.Count, c.Time, words.DecisiveLegs(decisiveLegs.Count, c));
            }

            reasons.Sort((x, y) => Nullable.Compare(x.Item2.Time, y.Item2.Time));
            return (VerdictOutcome.Entered, reasons);
        }

        var uncertain = Enumerable.Range(0, Count).Where(i => evidence[i] == PositionEvidence.Uncertain).ToList();
        var noAltitude = uncertain.Where(i => threeD && reports[i].AltitudeFeet is null).ToList();
        var near = uncertain.Except(noAltitude).ToList();
        if (near.Count > 0)
        {
            var i = near[0];
            var signed = insideOutline[i] ? -Exact(i) : Exact(i);
            Add(VerdictEvidence.ReportWithinUncertainty, near.Count, reports[i].Time, words.ReportsNear(near.Count, reports[i].Time, signed, uncertainty[i], insideOutline[i] && lowerBound[i] > uncertainty[i]));
        }

        if (noAltitude.Count > 0)
        {
            Add(VerdictEvidence.AltitudeUnknown, noAltitude.Count, reports[noAltitude[0]].Time, words.NoAltitude(noAltitude.Count, reports[noAltitude[0]].Time));
        }

        if (uncertainLegs.Count > 0)
        {
            Add(VerdictEvidence.LegWithinUncertainty, uncertainLegs.Count, uncertainLegs[0].Time, words.LegsNear(uncertainLegs.Count, uncertainLegs[0].Time));
        }

        var hiding = gaps.Where(g => g.CanHideEntry).ToList();
        if (Count == 0)
        {
            Add(VerdictEvidence.NoPositions, 0, null, "There are no positions in the window.");
        }
        else if (hiding.Count > 0)
        {
            Add(VerdictEvidence.GapCanHideEntry, hiding.Count, hiding[0].From, words.Gaps(hiding.Count, hiding[0]));
        }

        if (reasons.Count > 0)
        {
            return (VerdictOutcome.Undetermined, reasons);
        }

        Add(VerdictEvidence.AllOutside, Count, null, VerdictWording.AllOutside(Count));
        Add(VerdictEvidence.NoGapCanHideEntry, gaps.Count, null, VerdictWording.NoGapHides(gaps.Count));
        return (VerdictOutcome.NotEntered, reasons);
    }

    private (VerdictReport Report, double Depth)? FirstInside()
    {
        for (var i = 0; i < Count; i++)
        {
            if (evidence[i] == PositionEvidence.Inside)
            {
                return (Report(i), Exact(i));
            }
        }

        return null;
    }

    private string? MostFrequentCallsign() => reports
        .Select(r => r.Callsign?.Trim())
        .Where(c => !string.IsNullOrEmpty(c))
        .GroupBy(c => c!, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count())
        .ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key)
        .FirstOrDefault();

    private VerdictReport Report(int i) => new(
        i,
        reports[i].Time,
        points[i],
        reports[i].AltitudeFeet,
        reports[i].Source,
        reports[i].Feed,
        uncertainty[i]);

    private VerdictParameters Parameters() => new(
        options.GapThreshold.TotalSeconds,
        options.MaxSpeedKnots,
        options.MinimumMaxSpeedKnots,
        options.ObservedSpeedFactor,
        options.MaxVerticalRateFeetPerMinute,
        options.VerticalUncertaintyFeet,
        Tolerance,
        Enum.GetValues<VerdictPositionSource>().ToDictionary(s => Name(s), options.DefaultUncertaintyFor, StringComparer.Ordinal),
        options.IncludeWindowEdges);

    private PositionsConsidered Considered() => new(
        Count,
        rejected,
        Count > 0 ? reports[0].Time : null,
        Count > 0 ? reports[^1].Time : null,
        reports.GroupBy(r => r.Source).OrderBy(g => g.Key).ToDictionary(g => Name(g.Key), g => g.Count(), StringComparer.Ordinal),
        reports.Select(r => r.Feed).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());

    private EvaluatedPosition[] Evaluated()
    {
        var result = new EvaluatedPosition[Count];
        for (var i = 0; i < Count; i++)
        {
            var r = reports[i];
            result[i] = new EvaluatedPosition(
                r.Time,
                points[i],
                r.AltitudeFeet,
                r.Source,
                r.Feed,
                uncertainty[i],
                basis[i],
                insideOutline[i],
                exact[i],
                lowerBound[i],
                evidence[i]);
        }

        return result;
    }

    private static string Name(VerdictPositionSource source) => source switch
    {
        VerdictPositionSource.Adsb => "adsb",
        VerdictPositionSource.Mlat => "mlat",
        VerdictPositionSource.Tisb => "tisb",
        VerdictPositionSource.Adsr => "adsr",
        VerdictPositionSource.Other => "other",
        _ => "unknown",
    };
}
