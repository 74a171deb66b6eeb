using static LiveTrack.Verdicts.Tests.Scenario;

namespace LiveTrack.Verdicts.Tests;

public class AntimeridianTests
{
    // 179°E to 179°W (written 179..181), 1°S to 1°N: split at ±180 into two parts touching it.
    private static readonly VerdictFence Fence = Box(179, -1, 181, 1, "\"name\":\"Dateline box\"");

    private static double Lon(double extended) => extended > 180 ? extended - 360 : extended;

    [Fact]
    public void Crossing_the_antimeridian_inside_a_split_fence_is_inside_throughout_without_crossings()
    {
        // Along the equator from 179.5°E to 179.5°W, every 5 s, 0.01° apart. The split at ±180 is not outline: the
        // report nearest it is 0.99° (59.4 nm) from the nearest real edge, 179°E or 179°W.
        var track = Enumerable.Range(0, 101).Select(k => At(5 * k, 0, Lon(179.5 + (0.01 * k)))).ToList();

        var verdict = Decide(Fence, track);

        Assert.Equal(VerdictOutcome.Entered, verdict.Outcome);
        Assert.Empty(verdict.Crossings);
        Assert.Single(verdict.InsideIntervals);
        Assert.All(verdict.Evaluated!, p => Assert.Equal(PositionEvidence.Inside, p.Evidence));
        var nearest = Geofencing.GeofenceDistances.NearestBoundaryPoint(Fence.Definition, new Geo.GeoPoint(0, 180));
        Assert.Equal(Sphere.Distance(0, 180, 0, 179), nearest!.Value.DistanceNauticalMiles, 0.001);
    }

    [Fact]
    public void Flying_3_nm_north_of_it_across_the_antimeridian_stays_outside_with_the_closest_approach_3_nm()
    {
        var lat = 1 + (3 / Sphere.NmPerDegree);
        var track = Enumerable.Range(0, 101).Select(k => At(5 * k, lat, Lon(179.5 + (0.01 * k)))).ToList();

        var verdict = Decide(Fence, track);

        Assert.Equal(VerdictOutcome.NotEntered, verdict.Outcome);
        Assert.Equal(3.0, verdict.ClosestApproach!.DistanceNm, 0.01);
    }

    [Fact]
    public void A_gap_across_the_antimeridian_north_of_the_fence_is_judged_by_its_ellipse()
    {
        // Reports 3 nm north of the fence at 179.7°E and 179.7°W, 7 min apart (36 nm of track, 70 nm of reach):
        // the ellipse reaches 3 nm south easily.
        var lat = 1 + (3 / Sphere.NmPerDegree);
        var track = new[] { At(0, lat, 179.7), At(2, lat, 179.701), At(422, lat, -179.7), At(424, lat, -179.699) };

        var verdict = Decide(Fence, track);

        var gap = Assert.Single(verdict.Gaps);
        Assert.True(gap.CanHideEntry);
        var expected = Sphere.MinFocalSumOnEdge((lat, 179.701), (lat, -179.7), (1, 179), (1, 180), 0.0001);
        Assert.Equal(expected, gap.ClosestFocalSumNm!.Value, 0.01);
    }
}
