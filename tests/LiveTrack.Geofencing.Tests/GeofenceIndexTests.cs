using LiveTrack.Geo;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class GeofenceIndexTests
{
    private static readonly Lazy<List<GeofenceDefinition>> Random800 = new(() => RandomFences.Create(800, seed: 20250104));

    [Fact]
    public void Index_lookups_match_brute_force_on_random_fences_with_no_mismatch()
    {
        var fences = Random800.Value;
        var index = GeofenceIndex.Create(fences);
        var random = new Random(99);
        var mismatches = new List<string>();
        var hits = 0;

        for (var i = 0; i < 12_000; i++)
        {
            double lat, lon;
            if (i % 2 == 0)
            {
                // Near a fence: anywhere in (or just around) a random fence's envelope.
                var envelope = fences[random.Next(fences.Count)].Geometry.EnvelopeInternal;
                lat = Math.Clamp(envelope.MinY - 0.1 + ((envelope.Height + 0.2) * random.NextDouble()), -90, 90);
                lon = envelope.MinX - 0.1 + ((envelope.Width + 0.2) * random.NextDouble());
            }
            else
            {
                lat = (Math.Asin((2 * random.NextDouble()) - 1) * 180 / Math.PI) switch { var l when i % 101 == 1 => Math.Round(l), var l => l };
                lon = i % 97 == 1 ? (i % 2 == 0 ? 180 : -180) : -180 + (360 * random.NextDouble());
            }

            int? altitude = random.Next(5) == 0 ? null : random.Next(-2000, 50000);
            var expected = fences.Where(f => BruteForceContains(f, lat, lon, altitude)).Select(f => f.Id).Order(StringComparer.Ordinal).ToList();
            var actual = index.Containing(lat, lon, altitude).Select(f => f.Id).ToList();
            hits += actual.Count;
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"({lat}, {lon}, {altitude}): expected [{string.Join(",", expected)}] got [{string.Join(",", actual)}]");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        Assert.True(hits > 2000, $"only {hits} hits: the test would not notice much");
    }

    [Fact]
    public void A_fence_with_an_altitude_band_contains_only_positions_with_a_known_altitude_in_the_band()
    {
        var band = ParseOne(Polygon(Box(0, 0, 1, 1)), Json("{'id':'band','floorFt':1000,'ceilingFt':5000}"));
        var flat = ParseOne(Polygon(Box(0, 0, 1, 1)), Json("{'id':'flat'}"));
        var index = GeofenceIndex.Create([band, flat]);

        Assert.Equal(["band", "flat"], index.Containing(0.5, 0.5, 1000).Select(f => f.Id));
        Assert.Equal(["band", "flat"], index.Containing(0.5, 0.5, 5000).Select(f => f.Id));
        Assert.Equal(["flat"], index.Containing(0.5, 0.5, 999).Select(f => f.Id));
        Assert.Equal(["flat"], index.Containing(0.5, 0.5, 5001).Select(f => f.Id));
        Assert.Equal(["flat"], index.Containing(0.5, 0.5, null).Select(f => f.Id));
        Assert.Empty(index.Containing(1.5, 0.5, 3000));
    }

    [Fact]
    public void Results_come_ordered_by_id_and_each_fence_once()
    {
        // "b" is a MultiPolygon whose two parts touch the point's meridian ±180 from both sides.
        var b = ParseOne(MultiPolygon([Box(179, 0, 180, 1)], [Box(-180, 0, -179, 1)]), Json("{'id':'b'}"));
        var a = ParseOne(Polygon(Box(179.5, 0, 180, 1)), Json("{'id':'a'}"));
        var c = ParseOne(Polygon(Box(-180, 0, -179.5, 1)), Json("{'id':'c'}"));
        var index = GeofenceIndex.Create([c, b, a]);

        Assert.Equal(["a", "b", "c"], index.Containing(0.5, 180, null).Select(f => f.Id));
        Assert.Equal(["a", "b", "c"], index.Containing(0.5, -180, null).Select(f => f.Id));
        Assert.Equal(["b", "c"], index.Containing(0.5, -179.7, null).Select(f => f.Id));
        Assert.Equal(["a", "b", "c"], index.Fences.Select(f => f.Id));
    }

    [Fact]
    public void With_adds_or_replaces_by_id_and_Without_removes_leaving_the_original_unchanged()
    {
        var first = ParseOne(Polygon(Box(0, 0, 1, 1)), Json("{'id':'zone'}"));
        var moved = ParseOne(Polygon(Box(10, 10, 11, 11)), Json("{'id':'zone'}"));
        var other = ParseOne(Polygon(Box(0, 0, 1, 1)), Json("{'id':'other'}"));
        var index = GeofenceIndex.Create([first]);

        var replaced = index.With(moved);
        var added = index.With(other);
        var removed = added.Without("zone");

        Assert.Same(first, index.Find("zone"));
        Assert.Single(index.Containing(0.5, 0.5, null));
        Assert.Empty(replaced.Containing(0.5, 0.5, null));
        Assert.Same(moved, Assert.Single(replaced.Containing(10.5, 10.5, null)));
        Assert.Equal(2, added.Count);
        Assert.Equal(["other"], removed.Containing(0.5, 0.5, null).Select(f => f.Id));
        Assert.Null(removed.Find("zone"));
        Assert.Same(removed, removed.Without("missing"));
    }

    [Fact]
    public void Two_fences_with_the_same_id_are_refused()
    {
        var one = ParseOne(Polygon(Box(0, 0, 1, 1)), Json("{'id':'same'}"));
        var two = ParseOne(Polygon(Box(2, 2, 3, 3)), Json("{'id':'same'}"));

        Assert.Throws<ArgumentException>(() => GeofenceIndex.Create([one, two]));
    }

    [Fact]
    public void A_position_that_is_not_on_earth_is_in_no_fence()
    {
        var index = GeofenceIndex.Create([ParseOne(Polygon(Box(-180, -90, 180, 90)), "{}")]);

        Assert.Single(index.Containing(0, 0, null));
        Assert.Empty(index.Containing(double.NaN, 0, null));
        Assert.Empty(index.Containing(0, double.PositiveInfinity, null));
        Assert.Empty(GeofenceIndex.Empty.Containing(0, 0, null));
    }

    [Fact]
    public void Candidates_along_a_segment_include_a_fence_it_passes_through_and_not_fences_far_from_it()
    {
        var small = ParseOne(Polygon(Box(10.5, -0.01, 10.51, 0.01)), Json("{'id':'small'}"));
        var far = ParseOne(Polygon(Box(30, 30, 31, 31)), Json("{'id':'far'}"));
        var fiji = ParseOne(Polygon(Box(178, -20, 182, -15)), Json("{'id':'fiji'}"));
        var index = GeofenceIndex.Create([small, far, fiji]);

        Assert.Equal(["small"], index.CandidatesAlong(new GeoPoint(0, 10), new GeoPoint(0, 11)).Select(f => f.Id));
        Assert.Equal(["fiji"], index.CandidatesAlong(new GeoPoint(-17, -170), new GeoPoint(-17, -179.9)).Select(f => f.Id));
        Assert.Equal(["fiji"], index.CandidatesAlong(new GeoPoint(-17, 170), new GeoPoint(-17, -170)).Select(f => f.Id));
        Assert.Empty(index.CandidatesAlong(new GeoPoint(50, 10), new GeoPoint(51, 11)));
    }

    [Fact]
    public void Candidates_along_a_high_latitude_segment_follow_the_great_circle_not_the_parallel()
    {
        // From (60°N, 40°W) to (60°N, 0°) the great circle rises to ≈ 61.5°N at 20°W; a fence there lies well north
        // of the straight lon/lat line.
        var north = ParseOne(Polygon(Box(-21, 61.3, -19, 61.4)), Json("{'id':'north'}"));
        var index = GeofenceIndex.Create([north]);

        Assert.Single(index.CandidatesAlong(new GeoPoint(60, -40), new GeoPoint(60, 0)));
    }
}
