using static LiveTrack.Verdicts.Tests.Scenario;

namespace LiveTrack.Verdicts.Tests;

public class GapTests
{
    private static readonly double TrackLatitude = 10 - (30 / Sphere.NmPerDegree);

    /// <summary>
    /// Box 20°E–21°E, 10°N–11°N; reports every 2 s at 400 kt flying east 30 nm south of it, with one gap between
    /// A (20.4°E) and B, 20 nm further east. The smallest d(A,P) + d(P,B) over the outline is on the southern edge,
    /// found here by sampling the edge every 0.0001° with the tests' own distance: about 2·√(30² + 10²) = 63.2 nm.
    /// </summary>
    private static (List<VerdictPosition> Track, double FocalSum) Track(double gapSeconds)
    {
        var cos = Math.Cos(TrackLatitude * Math.PI / 180);
        var stepDegrees = 400.0 * 2 / 3600 / (Sphere.NmPerDegree * cos);
        var a = 20.4;
        var b = a + (20 / (Sphere.NmPerDegree * cos));
        var track = new List<VerdictPosition>();
        for (var k = 60; k >= 0; k--)
        {
            track.Add(At(-2 * k, TrackLatitude, a - (k * stepDegrees)));
        }

        for (var k = 0; k <= 60; k++)
        {
            track.Add(At(gapSeconds + (2 * k), TrackLatitude, b + (k * stepDegrees)));
        }

        var focal = Sphere.MinFocalSumOnEdge((TrackLatitude, a), (TrackLatitude, b), (10, 20), (10, 21), 0.0001);
        return (track, focal);
    }

    [Fact]
    public void A_gap_whose_ellipse_reaches_the_fence_makes_the_verdict_undetermined()
    {
        // Max speed: the higher of 600 kt and 1.25 × 400 kt. Reach = 600 kt × duration + 0.1 + 0.1 nm of uncertainty;
        // the duration is chosen so that the reach is the smallest focal sum + 1 nm.
        var (_, focal) = Track(0);
        var seconds = (focal + 1 - 0.2) / 600 * 3600;
        var (track, _) = Track(seconds);

        var verdict = Decide(Box(20, 10, 21, 11), track);

        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
        var gap = Assert.Single(verdict.Gaps);
        Assert.Equal(600, gap.MaxSpeedKnots);
        Assert.Equal(focal + 1, gap.ReachNm, 1e-6);
        Assert.Equal(20, gap.FocalDistanceNm, 0.01);
        Assert.Equal(focal, gap.ClosestFocalSumNm!.Value, 0.01);
        Assert.Equal(10, gap.ClosestOutlinePoint!.Value.Latitude, 6);
        Assert.True(gap.ReachesOutline);
        Assert.True(gap.CanHideEntry);
        Assert.Equal(VerdictEvidence.GapCanHideEntry, Assert.Single(verdict.Reasons).Evidence);
        Assert.StartsWith("Whether JAKE21 entered Box cannot be decided: a ", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("coverage gap from 14:00:00Z could hide an entry; closest approach 30.0 nm outside", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gap_whose_ellipse_stops_short_of_the_fence_leaves_the_verdict_not_entered()
    {
        var (_, focal) = Track(0);
        var seconds = (focal - 1 - 0.2) / 600 * 3600;
        var (track, _) = Track(seconds);

        var verdict = Decide(Box(20, 10, 21, 11), track);

        Assert.Equal(VerdictOutcome.NotEntered, verdict.Outcome);
        var gap = Assert.Single(verdict.Gaps);
        Assert.Equal(focal - 1, gap.ReachNm, 1e-6);
        Assert.Null(gap.ClosestFocalSumNm);
        Assert.False(gap.ReachesOutline);
        Assert.False(gap.CanHideEntry);
        Assert.Equal(30, verdict.ClosestApproach!.DistanceNm, 0.01);
    }

    [Fact]
    public void A_faster_aircraft_raises_the_maximum_speed_of_its_gaps()
    {
        var (_, focal) = Track(0);
        var seconds = (focal - 1 - 0.2) / 600 * 3600;
        var (track, _) = Track(seconds);
        var fast = track.Select(p => p with { GroundSpeedKnots = 560 }).ToList();

        var verdict = Decide(Box(20, 10, 21, 11), fast);

        var gap = Assert.Single(verdict.Gaps);
        Assert.Equal(700, gap.MaxSpeedKnots, 9);
        Assert.True(gap.CanHideEntry);
        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
    }

    [Fact]
    public void The_window_before_the_first_report_is_a_gap_with_a_circle_of_reach()
    {
        // First report 30 nm south of the fence; the window starts 2 min 40 s before it. At 600 kt that is 26.7 nm
        // (+0.1 nm): short of 30 nm. With 3 min 20 s (33.3 nm) the circle reaches the fence.
        var fence = Box(20, 10, 21, 11);
        var track = Enumerable.Range(0, 10).Select(k => At(2 * k, TrackLatitude, 20.5 + (0.003 * k))).ToList();

        var short_ = VerdictEngine.Decide(fence, "ae1234", track, T0.AddSeconds(-160), T0.AddSeconds(18));
        var long_ = VerdictEngine.Decide(fence, "ae1234", track, T0.AddSeconds(-200), T0.AddSeconds(18));

        Assert.Equal(VerdictOutcome.NotEntered, short_.Outcome);
        Assert.Equal(GapKind.WindowStart, Assert.Single(short_.Gaps).Kind);
        Assert.Equal(2 * ((600.0 * 160 / 3600) + 0.1), short_.Gaps[0].ReachNm, 1e-9);
        Assert.Equal(VerdictOutcome.Undetermined, long_.Outcome);
        Assert.True(Assert.Single(long_.Gaps).CanHideEntry);
    }
}
