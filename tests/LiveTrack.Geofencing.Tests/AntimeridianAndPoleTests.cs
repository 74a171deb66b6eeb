using NetTopologySuite.Geometries;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class AntimeridianAndPoleTests
{
    // A box over Fiji's part of the antimeridian: 178°E to 178°W, 20°S to 15°S, written both ways RFC 7946 allows.
    private static readonly string SplitAtTheAntimeridian = MultiPolygon([Box(178, -20, 180, -15)], [Box(-180, -20, -178, -15)]);
    private static readonly string ContinuingPastIt = Polygon(Box(178, -20, 182, -15));
    private static readonly string ContinuingWestwards = Polygon(Box(-182, -20, -178, -15));

    [Theory]
    [InlineData(-17.0, 179.0, true)]
    [InlineData(-17.0, -179.0, true)]
    [InlineData(-17.0, 180.0, true)]
    [InlineData(-17.0, -180.0, true)]
    [InlineData(-17.0, 540.0, true)] // the same meridian, wrapped
    [InlineData(-15.0, -178.0, true)] // corner
    [InlineData(-17.0, 177.9, false)]
    [InlineData(-17.0, -177.9, false)]
    [InlineData(-17.0, 0.0, false)]
    [InlineData(-14.9, 179.0, false)]
    public void A_fence_across_the_antimeridian_works_whichever_way_it_is_written(double lat, double lon, bool inside)
    {
        var split = ParseOne(Feature(SplitAtTheAntimeridian));
        var continuing = ParseOne(Feature(ContinuingPastIt));
        var westwards = ParseOne(Feature(ContinuingWestwards));

        Assert.Equal(inside, split.Contains(lat, lon, null));
        Assert.Equal(inside, continuing.Contains(lat, lon, null));
        Assert.Equal(inside, westwards.Contains(lat, lon, null));
        Assert.Equal(inside, GeofenceIndex.Create([split with { Id = "split" }, continuing with { Id = "continuing" }])
            .Containing(lat, lon, null).Count == 2);
    }

    [Fact]
    public void A_polygon_continuing_past_180_is_stored_split_at_the_antimeridian()
    {
        var fence = ParseOne(Feature(ContinuingPastIt));

        var multi = Assert.IsType<MultiPolygon>(fence.Geometry);
        Assert.All(multi.Coordinates, c => Assert.InRange(c.X, -180, 180));
        var envelopes = Enumerable.Range(0, multi.NumGeometries).Select(i => multi.GetGeometryN(i).EnvelopeInternal).ToList();
        Assert.Contains(new Envelope(178, 180, -20, -15), envelopes);
        Assert.Contains(new Envelope(-180, -178, -20, -15), envelopes);
        Assert.Equal(20.0, multi.Area, 9);
        Assert.True(multi.EqualsTopologically(ParseOne(Feature(SplitAtTheAntimeridian)).Geometry));
    }

    [Fact]
    public void A_continuing_polygon_may_have_a_hole_past_180()
    {
        var fence = ParseOne(Feature(Polygon(Box(178, -20, 184, -15), Box(180.5, -18, 181.5, -17))));

        Assert.True(fence.Contains(-17.5, 179, null));
        Assert.False(fence.Contains(-17.5, -179, null)); // 181°E is 179°W: inside the hole
        Assert.True(fence.Contains(-17.5, -177, null));
    }

    [Fact]
    public void A_ring_that_jumps_from_east_to_west_is_taken_literally_as_RFC_7946_defines_edges()
    {
        // 170°E to 170°W *without* continuing longitudes is a straight lon/lat edge the long way round.
        var fence = ParseOne(Feature(Polygon([(170, 0), (-170, 0), (-170, 1), (170, 1), (170, 0)])));

        Assert.True(fence.Contains(0.5, 0, null));
        Assert.False(fence.Contains(0.5, 179, null));
    }

    [Fact]
    public void A_polar_cap_drawn_as_a_lon_lat_rectangle_contains_every_point_near_the_pole()
    {
        var fence = ParseOne(Feature(Polygon([(-180, 80), (-60, 80), (60, 80), (180, 80), (180, 90), (-180, 90), (-180, 80)])));

        foreach (var lon in new[] { -180.0, -179.99, -90, 0, 45.5, 179.99, 180 })
        {
            Assert.True(fence.Contains(89.999, lon, null));
            Assert.True(fence.Contains(80, lon, null));
            Assert.False(fence.Contains(79.99, lon, null));
        }

        Assert.True(fence.Contains(90, 0, null));
    }

    [Fact]
    public void A_small_fence_near_the_pole_is_bounded_by_its_meridians()
    {
        // 88°N to 89°N between 10°E and 40°E: a wedge only ≈ 30 nm wide, where a degree of longitude is ≈ 1.5 nm.
        var fence = ParseOne(Feature(Polygon(Box(10, 88, 40, 89))));
        var index = GeofenceIndex.Create([fence]);

        Assert.True(fence.Contains(88.5, 25, null));
        Assert.True(fence.Contains(88.999, 10.001, null));
        Assert.False(fence.Contains(88.5, 9.9, null));
        Assert.False(fence.Contains(88.5, 40.1, null));
        Assert.False(fence.Contains(89.1, 25, null));
        Assert.False(fence.Contains(88.5, -155, null)); // across the pole
        Assert.Single(index.Containing(88.5, 25, null));
        Assert.Empty(index.Containing(88.5, -155, null));
    }

    [Fact]
    public void A_fence_touching_the_south_pole_works()
    {
        var fence = ParseOne(Feature(Polygon([(-180, -90), (180, -90), (180, -85), (-180, -85), (-180, -90)])));

        Assert.True(fence.Contains(-90, 123, null));
        Assert.True(fence.Contains(-86, -179.5, null));
        Assert.False(fence.Contains(-84.9, 0, null));
    }
}
