using LiveTrack.Geo;
using static LiveTrack.Verdicts.Tests.Scenario;

namespace LiveTrack.Verdicts.Tests;

public class ClosestApproachTests
{
    [Fact]
    public void A_track_3_nm_south_of_the_fence_stays_outside_with_its_closest_approach_3_nm()
    {
        // Box 20°E–21°E, 10°N–11°N. Reports every 2 s flying east along 10°N − 3 nm. The southern edge is the parallel
        // 10°N; the nearest point of a parallel to a point is on the same meridian, so every report is exactly 3 nm
        // (0.0499663°) from it. The great-circle legs bulge towards the fence by L²·tan φ / 8R ≈ 4e-7 nm.
        var fence = Box(20, 10, 21, 11);
        var lat = 10 - (3 / Sphere.NmPerDegree);
        var track = Enumerable.Range(0, 200).Select(k => At(2 * k, lat, 20.1 + (0.004 * k))).ToList();

        var verdict = Decide(fence, track);

        Assert.Equal(VerdictOutcome.NotEntered, verdict.Outcome);
        var closest = Assert.IsType<ClosestApproach>(verdict.ClosestApproach);
        Assert.Equal(3.0, closest.DistanceNm, 0.01);
        Assert.Equal(0.1, closest.UncertaintyNm, 9);
        Assert.Equal(2.9, closest.MarginNm, 0.01);
        Assert.Equal(10.0, closest.BoundaryPoint.Latitude, 6);
        Assert.Equal(closest.TrackPoint.Longitude, closest.BoundaryPoint.Longitude, 4);
        Assert.Empty(verdict.Gaps);
        Assert.Equal([VerdictEvidence.AllOutside, VerdictEvidence.NoGapCanHideEntry], verdict.Reasons.Select(r => r.Evidence));
    }

    [Fact]
    public void A_track_passing_a_corner_between_two_reports_has_its_closest_approach_on_the_leg_at_the_cross_track_distance()
    {
        // The track is the great circle through P0, 3 nm south-east (bearing 135°) of the box's south-east corner
        // (21°E, 10°N), on bearing 45°. Reports every 10 s at 360 kt (1 nm apart), P0 lying 0.37 of the way along a
        // leg. Near the corner both edges run away from the track, so the nearest outline point is the corner and the
        // closest approach is the corner's distance to the track's great circle (computed here from the circle's pole).
        var fence = Box(20, 10, 21, 11);
        var corner = new GeoPoint(10, 21);
        var p0 = Geodesy.Destination(corner, 135, 3);
        var start = Geodesy.Destination(p0, 225, 5.37);
        var track = Scenario.Line(start, Geodesy.InitialBearingDegrees(start, p0), 360, 10, 12);
        var far = track[^1];
        var expected = Sphere.CrossTrack((10, 21), (start.Latitude, start.Longitude), (far.Latitude, far.Longitude));

        var verdict = Decide(fence, track);

        Assert.Equal(VerdictOutcome.NotEntered, verdict.Outcome);
        var closest = Assert.IsType<ClosestApproach>(verdict.ClosestApproach);
        Assert.Equal(expected, closest.DistanceNm, 0.01);
        Assert.Equal(10.0, closest.BoundaryPoint.Latitude, 4);
        Assert.Equal(21.0, closest.BoundaryPoint.Longitude, 4);
        Assert.Equal(T0.AddSeconds(50), closest.Before.Time);
        Assert.Equal(T0.AddSeconds(60), closest.After.Time);
        Assert.Equal(T0.AddSeconds(53.7), closest.Time, TimeSpan.FromSeconds(0.1));
    }

    [Fact]
    public void A_national_airspace_verdict_reads_as_the_issue_asks()
    {
        // A V-shaped track whose apex report, at 14:02:11Z, is 5.3 nm south of the southern edge (10°N).
        var fence = Box(-111, 10, -110, 11, "\"name\":\"Mexican national airspace\",\"datasetTitle\":\"OSM maritime boundary\",\"datasetVersion\":\"1.1.0\",\"resolutionM\":1000,\"toleranceNm\":0.54");
        var apexLat = 10 - (5.3 / Sphere.NmPerDegree);
        var track = Enumerable.Range(-30, 61)
            .Select(k => At(131 + (2 * k), apexLat - (0.002 * Math.Abs(k)), -110.5 + (0.003 * k)))
            .ToList();

        var verdict = Decide(fence, track);

        Assert.Equal(VerdictOutcome.NotEntered, verdict.Outcome);
        Assert.Equal(5.3, verdict.ClosestApproach!.DistanceNm, 0.001);
        Assert.Equal(T0.AddSeconds(131), verdict.ClosestApproach.Time);
        Assert.Equal(
            "JAKE21 stayed outside Mexican national airspace (OSM maritime boundary, 1 km resolution, v1.1.0): closest approach 5.3 nm outside at 14:02:11Z",
            verdict.Summary);
    }

    [Fact]
    public void A_fence_imported_from_a_boundary_dataset_is_cited_with_that_dataset_and_its_tolerance()
    {
        var drawn = Box(-111, 10, -110, 11, "\"name\":\"Mexican national airspace\"");
        var imported = VerdictFence.From(drawn.Definition with
        {
            Provenance = new LiveTrack.Geofencing.FenceProvenance
            {
                Kind = LiveTrack.Geofencing.FenceProvenance.NationalAirspaceKind,
                Dataset = "osm-maritime-1000m",
                Package = "@osm_borders/maritime_1000m",
                PackageVersion = "1.1.0",
                Licence = "ODbL-1.0",
                Attribution = "© OpenStreetMap contributors",
                ResolutionMeters = 1000,
                Countries = ["MEX"],
                ImportedAt = T0,
            },
        });
        var apexLat = 10 - (5.3 / Sphere.NmPerDegree);
        var track = Enumerable.Range(-30, 61)
            .Select(k => At(131 + (2 * k), apexLat - (0.002 * Math.Abs(k)), -110.5 + (0.003 * k)))
            .ToList();

        var verdict = Decide(imported, track);

        Assert.Equal(1000 / 1852.0, imported.ToleranceNauticalMiles, 6);
        Assert.Equal("ODbL-1.0", imported.Provenance.Licence);
        Assert.Equal(
            "JAKE21 stayed outside Mexican national airspace (OSM maritime boundary, 1 km resolution, v1.1.0): closest approach 5.3 nm outside at 14:02:11Z",
            verdict.Summary);
    }
}
