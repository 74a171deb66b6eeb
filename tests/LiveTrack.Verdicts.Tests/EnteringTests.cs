using LiveTrack.Geofencing;
using static LiveTrack.Verdicts.Tests.Scenario;

namespace LiveTrack.Verdicts.Tests;

public class EnteringTests
{
    [Fact]
    public void A_track_that_crosses_the_outline_is_entered_with_the_crossing_where_and_when_computed_by_hand()
    {
        // Box 20°E–21°E, 10°N–11°N. Reports every 5 s along the meridian 20.5°E, 0.005° apart, from 9.9025°N: a
        // meridian is a great circle on which distance is proportional to latitude, so the edge at 10°N is
        // 0.0975 / 0.005 = 19.5 steps along, at T0 + 97.5 s, between the reports at 95 s and 100 s.
        var fence = Box(20, 10, 21, 11);
        var track = Enumerable.Range(0, 41).Select(k => At(5 * k, 9.9025 + (0.005 * k), 20.5)).ToList();

        var verdict = Decide(fence, track);

        Assert.Equal(VerdictOutcome.Entered, verdict.Outcome);
        var crossing = Assert.Single(verdict.Crossings);
        Assert.Equal(GeofenceCrossingKind.Entered, crossing.Kind);
        Assert.Equal(GeofenceBoundary.Lateral, crossing.Boundary);
        Assert.Equal(10.0, crossing.Point.Latitude, 5);
        Assert.Equal(20.5, crossing.Point.Longitude, 9);
        Assert.Equal(T0.AddSeconds(97.5), crossing.Time, TimeSpan.FromMilliseconds(20));
        Assert.Equal(T0.AddSeconds(95), crossing.Before.Time);
        Assert.Equal(T0.AddSeconds(100), crossing.After.Time);
        Assert.True(crossing.Decisive);

        var interval = Assert.Single(verdict.InsideIntervals);
        Assert.Equal(IntervalEdge.Crossing, interval.StartsWith);
        Assert.Equal(T0.AddSeconds(200), interval.To);
        Assert.Null(verdict.ClosestApproach);

        // The first report inside by more than 0.1 nm (the ADS-B default) is at 9.9025 + 0.005·20 = 10.0025°N, 0.15 nm in;
        // the leg before it crosses at 97.5 s, and the summary cites the earlier evidence.
        var reason = Assert.Single(verdict.Reasons, r => r.Evidence == VerdictEvidence.ReportInside);
        Assert.Equal(T0.AddSeconds(100), reason.Time);
        Assert.Equal(21, reason.Count);
        Assert.Contains("the first at 14:01:40Z is 0.15 nm inside", reason.Message, StringComparison.Ordinal);
        Assert.StartsWith("JAKE21 entered Box: crossed its outline at 14:01:37Z", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_leg_through_a_corner_of_the_fence_is_entered_although_no_report_is_inside()
    {
        // A 0.02° (1.2 nm) square at 40°E 30°N. Two reports 10 s apart on the meridian 40.01°E, 1.0 nm south and 1.0 nm
        // north of it: both outside by far more than 0.1 nm, the leg between them runs 0.6 nm deep through the middle.
        var fence = Box(40, 30, 40.02, 30.02);
        var south = 30 - (1.0 / Sphere.NmPerDegree);
        var north = 30.02 + (1.0 / Sphere.NmPerDegree);
        var track = new[] { At(0, south, 40.01, speed: 1000), At(10, north, 40.01, speed: 1000) };

        var verdict = Decide(fence, track);

        Assert.Equal(VerdictOutcome.Entered, verdict.Outcome);
        Assert.All(verdict.Evaluated!, p => Assert.Equal(PositionEvidence.Outside, p.Evidence));
        Assert.Equal(2, verdict.Crossings.Count);
        Assert.Equal(VerdictEvidence.CrossingLeg, Assert.Single(verdict.Reasons).Evidence);
        Assert.Contains("crossed its outline at 14:00:03Z", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_leg_across_a_gap_is_not_flown_but_judged_as_a_gap_that_can_hide_an_entry()
    {
        var fence = Box(40, 30, 40.02, 30.02);
        var south = 30 - (1.0 / Sphere.NmPerDegree);
        var north = 30.02 + (1.0 / Sphere.NmPerDegree);
        var track = new[] { At(0, south, 40.01), At(30, north, 40.01) };

        var verdict = Decide(fence, track);

        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
        Assert.Empty(verdict.Crossings);
        var gap = Assert.Single(verdict.Gaps);
        Assert.True(gap.CanHideEntry);
        Assert.Equal(GapKind.BetweenReports, gap.Kind);
        Assert.Contains("a 30 s coverage gap from 14:00:00Z could hide an entry", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fence_named_by_its_dataset_is_cited_with_its_provenance()
    {
        var fence = Box(20, 10, 21, 11, "\"name\":\"Test airspace\",\"dataset\":\"osm-maritime-1000m\",\"datasetTitle\":\"OSM maritime boundary\",\"datasetVersion\":\"1.1.0\",\"resolutionM\":1000,\"licence\":\"ODbL-1.0\",\"attribution\":\"© OpenStreetMap contributors\",\"toleranceNm\":0.54,\"kind\":\"national-airspace\",\"country\":\"MEX\",\"version\":\"3\"");
        var track = Enumerable.Range(0, 5).Select(k => At(2 * k, 10.5, 20.5 + (0.001 * k))).ToList();

        var verdict = Decide(fence, track);

        Assert.Equal(0.54, verdict.Fence.ToleranceNm);
        Assert.Equal("osm-maritime-1000m", verdict.Fence.Provenance.Dataset);
        Assert.Equal("ODbL-1.0", verdict.Fence.Provenance.Licence);
        Assert.Equal("© OpenStreetMap contributors", verdict.Fence.Provenance.Attribution);
        Assert.Equal("MEX", verdict.Fence.Provenance.Country);
        Assert.Equal("3", verdict.Fence.Provenance.Version);
        Assert.Equal("0.54", verdict.Fence.Provenance.Properties["toleranceNm"]);
        Assert.All(verdict.Evaluated!, p => Assert.Equal(0.1 + 0.54, p.UncertaintyNm, 9));
        Assert.StartsWith("JAKE21 entered Test airspace (OSM maritime boundary, 1 km resolution, v1.1.0): ", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aircraft_never_seen_in_the_window_is_undetermined()
    {
        var verdict = VerdictEngine.Decide(Box(20, 10, 21, 11), "ae1234", [], T0, T0.AddHours(1));

        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
        Assert.Equal(VerdictEvidence.NoPositions, Assert.Single(verdict.Reasons).Evidence);
        Assert.Equal(GapKind.WholeWindow, Assert.Single(verdict.Gaps).Kind);
        Assert.Equal("Whether ae1234 entered Box cannot be decided: there are no positions in the window", verdict.Summary.Replace("AE1234", "ae1234", StringComparison.Ordinal));
    }

    [Fact]
    public void Positions_outside_the_window_are_not_considered()
    {
        var fence = Box(20, 10, 21, 11);
        var inside = At(0, 10.5, 20.5);
        var outside = At(100, 12, 22);

        var verdict = VerdictEngine.Decide(fence, "ae1234", [outside, inside], T0.AddSeconds(50), T0.AddSeconds(200), VerdictOptions.Default with { IncludeWindowEdges = false });

        Assert.Equal(1, verdict.Positions.Count);
        Assert.Equal(1, verdict.Positions.Rejected);
        Assert.Equal(VerdictOutcome.NotEntered, verdict.Outcome);
    }
}
