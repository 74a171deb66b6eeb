using LiveTrack.Geofencing;
using static LiveTrack.Verdicts.Tests.Scenario;

namespace LiveTrack.Verdicts.Tests;

public class AltitudeBandTests
{
    private static readonly VerdictFence Fence = Box(20, 10, 21, 11, "\"name\":\"Restricted area\",\"floorFt\":5000,\"ceilingFt\":20000");

    /// <summary>North along 20.5°E straight through the box, every 5 s, at one altitude.</summary>
    private static List<VerdictPosition> Through(int altitude) =>
        Enumerable.Range(0, 241).Select(k => At(5 * k, 9.9 + (0.005 * k), 20.5, altitude)).ToList();

    [Fact]
    public void Flying_over_the_fence_above_its_ceiling_is_not_entered_with_the_clearance_named()
    {
        var verdict = Decide(Fence, Through(25_000));

        Assert.Equal(VerdictOutcome.NotEntered, verdict.Outcome);
        Assert.Empty(verdict.Crossings);
        var vertical = Assert.IsType<VerticalApproach>(verdict.VerticalApproach);
        Assert.Equal(AltitudeLimit.Ceiling, vertical.Limit);
        Assert.Equal(5_000, vertical.ClearanceFeet);
        Assert.Equal(4_900, vertical.MarginFeet);
        Assert.Contains("5,000 ft above its ceiling", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Flying_through_inside_the_band_is_entered()
    {
        var verdict = Decide(Fence, Through(15_000));

        Assert.Equal(VerdictOutcome.Entered, verdict.Outcome);
        Assert.Equal([GeofenceCrossingKind.Entered, GeofenceCrossingKind.Exited], verdict.Crossings.Select(c => c.Kind));
    }

    [Fact]
    public void Flying_just_above_the_ceiling_within_the_altitude_uncertainty_is_undetermined()
    {
        // Over the middle of the box only (every report more than 10 nm inside the outline), 50 ft above the ceiling.
        var track = Enumerable.Range(0, 60).Select(k => At(5 * k, 10.2 + (0.005 * k), 20.5, 20_050)).ToList();

        var verdict = Decide(Fence, track);

        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
        Assert.All(verdict.Evaluated!, p => Assert.Equal(PositionEvidence.Uncertain, p.Evidence));
        Assert.Contains(verdict.Reasons, r => r.Evidence == VerdictEvidence.ReportWithinUncertainty);
        Assert.Contains("within the altitude uncertainty of a floor or ceiling", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Climbing_through_the_floor_over_the_fence_enters_through_the_floor()
    {
        // Over the middle of the box, climbing from 3,000 ft at 2,000 ft/min, one report every 3 s: the floor
        // (5,000 ft) is reached after 60 s.
        var track = Enumerable.Range(0, 60).Select(k => At(3 * k, 10.5, 20.5 + (0.001 * k), 3_000 + (100 * k))).ToList();

        var verdict = Decide(Fence, track);

        Assert.Equal(VerdictOutcome.Entered, verdict.Outcome);
        var crossing = Assert.Single(verdict.Crossings);
        Assert.Equal(GeofenceBoundary.Floor, crossing.Boundary);
        Assert.Equal(T0.AddSeconds(60), crossing.Time, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void A_gap_above_the_ceiling_can_hide_an_entry_only_if_the_aircraft_could_have_descended_into_the_band()
    {
        // 25,000 ft, 5,000 ft above the ceiling. A 2-minute gap at up to 6,000 ft/min: reachable 25,000 ± (6,000 + 100)
        // ft, reaching the ceiling. A 30-second gap: 25,000 ± (1,500 + 100) ft, not reaching it.
        static List<VerdictPosition> WithGap(double seconds) =>
        [
            .. Enumerable.Range(0, 5).Select(k => At(2 * k, 10.5, 20.5 + (0.001 * k), 25_000)),
            .. Enumerable.Range(0, 5).Select(k => At(8 + seconds + (2 * k), 10.5, 20.6 + (0.001 * k), 25_000)),
        ];

        var longGap = Decide(Fence, WithGap(120));
        var shortGap = Decide(Fence, WithGap(30));

        Assert.Equal(VerdictOutcome.Undetermined, longGap.Outcome);
        var gap = Assert.Single(longGap.Gaps);
        Assert.Equal(25_000 - 6_000 - 100, gap.ReachableMinFeet!.Value, 6);
        Assert.True(gap.ReachesOutline);
        Assert.True(gap.ReachesAltitudeBand);
        Assert.Equal(VerdictOutcome.NotEntered, shortGap.Outcome);
        Assert.False(Assert.Single(shortGap.Gaps).ReachesAltitudeBand);
        Assert.True(shortGap.Gaps[0].ReachesOutline);
    }

    [Fact]
    public void A_report_over_the_fence_without_altitude_is_undetermined()
    {
        var track = Through(25_000);
        track[120] = track[120] with { BarometricAltitudeFeet = null };

        var verdict = Decide(Fence, track);

        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
        Assert.Equal(VerdictEvidence.AltitudeUnknown, Assert.Single(verdict.Reasons, r => r.Evidence == VerdictEvidence.AltitudeUnknown).Evidence);
    }
}
