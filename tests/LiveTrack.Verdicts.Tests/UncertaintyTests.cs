using static LiveTrack.Verdicts.Tests.Scenario;

namespace LiveTrack.Verdicts.Tests;

public class UncertaintyTests
{
    /// <summary>Along the meridian 20.5°E into the box's southern edge (10°N) to <paramref name="depthNm"/> inside and back out, every 2 s.</summary>
    private static List<VerdictPosition> InAndOut(double depthNm, VerdictPositionSource source, int? nacP)
    {
        var peak = 10 + (depthNm / Sphere.NmPerDegree);
        var step = 0.2 / Sphere.NmPerDegree;
        return Enumerable.Range(-20, 41)
            .Select(k => At(60 + (2 * k), peak - (step * Math.Abs(k)), 20.5, source: source, nacP: nacP))
            .ToList();
    }

    [Fact]
    public void A_report_inside_by_less_than_its_uncertainty_is_undetermined()
    {
        // MLAT without accuracy fields: 0.5 nm. The deepest report is 0.2 nm inside.
        var verdict = Decide(Scenario.Box(20, 10, 21, 11), InAndOut(0.2, VerdictPositionSource.Mlat, null));

        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
        var peak = verdict.Evaluated![20];
        Assert.Equal(0.5, peak.UncertaintyNm, 9);
        Assert.Equal(UncertaintyBasis.SourceDefault, peak.UncertaintyBasis);
        Assert.Equal(0.2, peak.DistanceNm!.Value, 0.001);
        Assert.Equal(PositionEvidence.Uncertain, peak.Evidence);
        Assert.Contains(verdict.Reasons, r => r.Evidence == VerdictEvidence.ReportWithinUncertainty);
        Assert.Contains(verdict.Reasons, r => r.Evidence == VerdictEvidence.LegWithinUncertainty);
        Assert.All(verdict.Crossings, c => Assert.False(c.Decisive));
        Assert.Contains("within its uncertainty of 0.50 nm", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_report_with_a_precise_NACp_is_entered()
    {
        // NACp 9: EPU < 30 m = 0.016 nm.
        var verdict = Decide(Scenario.Box(20, 10, 21, 11), InAndOut(0.2, VerdictPositionSource.Adsb, 9));

        Assert.Equal(VerdictOutcome.Entered, verdict.Outcome);
        Assert.Equal(30 / 1852.0, verdict.Evaluated![20].UncertaintyNm, 9);
        Assert.Equal(UncertaintyBasis.NacP, verdict.Evaluated[20].UncertaintyBasis);
    }

    [Fact]
    public void The_fence_tolerance_adds_to_every_report_and_can_leave_the_verdict_undetermined()
    {
        var precise = Scenario.Box(20, 10, 21, 11, "\"name\":\"Coarse\",\"toleranceNm\":0.54");

        var verdict = Decide(precise, InAndOut(0.2, VerdictPositionSource.Adsb, 9));

        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
        Assert.Equal((30 / 1852.0) + 0.54, verdict.Evaluated![20].UncertaintyNm, 9);
    }

    [Fact]
    public void A_leg_that_grazes_the_fence_between_two_clear_reports_is_undetermined()
    {
        // Two ADS-B reports 10 s apart, each 1.5 nm from the point 0.05 nm south-east of the box's south-east corner, on
        // a great circle perpendicular to the corner's direction: both are outside by far more than 0.1 nm, the leg
        // between them passes 0.05 nm from the corner.
        var fence = Scenario.Box(40, 30, 40.02, 30.02);
        var corner = new Geo.GeoPoint(30, 40.02);
        var p0 = Geo.Geodesy.Destination(corner, 135, 0.05);
        var a = Geo.Geodesy.Destination(p0, 225, 1.5);
        var b = Geo.Geodesy.Destination(p0, 45, 1.5);
        var track = new[] { At(0, a.Latitude, a.Longitude, speed: 1080), At(10, b.Latitude, b.Longitude, speed: 1080) };

        var verdict = Decide(fence, track);

        Assert.All(verdict.Evaluated!, p => Assert.Equal(PositionEvidence.Outside, p.Evidence));
        Assert.Empty(verdict.Crossings);
        Assert.Equal(VerdictOutcome.Undetermined, verdict.Outcome);
        Assert.Equal(VerdictEvidence.LegWithinUncertainty, Assert.Single(verdict.Reasons).Evidence);
        Assert.Equal(0.05, verdict.ClosestApproach!.DistanceNm, 0.001);
        Assert.True(verdict.ClosestApproach.MarginNm < 0);
    }

    [Theory]
    [InlineData(11, null, null, 3)]
    [InlineData(8, null, null, 92.6)]
    [InlineData(4, null, null, 1852)]
    [InlineData(null, 8, null, 185.2)]
    [InlineData(null, 6, null, 1111.2)]
    [InlineData(10, null, 500.0, 500)]
    [InlineData(7, 9, null, 185.2)]
    public void Uncertainty_is_the_larger_of_the_NACp_EPU_and_the_containment_radius(int? nacP, int? nic, double? rc, double expectedMetres)
    {
        var position = At(0, 0, 0) with { NacP = nacP, Nic = nic, RcMetres = rc };

        var (nm, _) = PositionUncertainty.Of(position, VerdictOptions.Default);

        Assert.Equal(expectedMetres / 1852, nm, 9);
    }

    [Theory]
    [InlineData(VerdictPositionSource.Adsb, 0.1)]
    [InlineData(VerdictPositionSource.Adsr, 0.1)]
    [InlineData(VerdictPositionSource.Mlat, 0.5)]
    [InlineData(VerdictPositionSource.Tisb, 1.0)]
    [InlineData(VerdictPositionSource.Unknown, 1.0)]
    [InlineData(VerdictPositionSource.Other, 2.0)]
    public void Without_accuracy_fields_the_source_default_applies_and_NACp_0_means_unknown(VerdictPositionSource source, double expected)
    {
        var position = At(0, 0, 0, source: source, nacP: 0);

        var (nm, basis) = PositionUncertainty.Of(position, VerdictOptions.Default);

        Assert.Equal(expected, nm);
        Assert.Equal(UncertaintyBasis.SourceDefault, basis);
    }
}
