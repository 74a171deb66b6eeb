using LiveTrack.Geo;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class BufferTests
{
    // A 1° square between 20°N and 21°N, 40°E and 41°E.
    private static readonly string Square = Polygon(Box(40, 20, 41, 21));

    public static TheoryData<double, double> PointsElevenMilesOutside()
    {
        var data = new TheoryData<double, double>();
        foreach (var (start, bearing) in new[]
        {
            (new GeoPoint(21, 40.5), 0.0), // north of the top edge
            (new GeoPoint(20, 40.5), 180.0), // south of the bottom edge
            (new GeoPoint(20.5, 41), 90.0), // east of the right edge
            (new GeoPoint(20.5, 40), 270.0), // west of the left edge
            (new GeoPoint(21, 41), 45.0), // beyond the north-east corner
            (new GeoPoint(20, 40), 225.0), // beyond the south-west corner
        })
        {
            var p = Geodesy.Destination(start, bearing, 11);
            data.Add(p.Latitude, p.Longitude);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PointsElevenMilesOutside))]
    public void A_point_11_nm_outside_a_square_is_inside_with_a_12_nm_buffer_and_outside_with_10(double lat, double lon)
    {
        var unbuffered = ParseOne(Square, "{}");
        var twelve = ParseOne(Square, "{\"bufferNm\":12}");
        var ten = ParseOne(Square, "{\"bufferNm\":10}");

        Assert.False(unbuffered.Contains(lat, lon, null));
        Assert.True(twelve.Contains(lat, lon, null));
        Assert.False(ten.Contains(lat, lon, null));
        Assert.Equal(12, twelve.BufferNauticalMiles);
        Assert.True(twelve.Geometry.IsValid);
    }

    [Fact]
    public void Every_vertex_of_a_buffered_outline_lies_at_the_buffer_distance_from_the_drawn_shape()
    {
        // A triangle near 55°N; the drawn outline is sampled every 0.0005° (≈ 0.03 nm) along its lon/lat edges and
        // distances are great-circle distances (LiveTrack.Geo), independent of the projection used to buffer.
        (double Lon, double Lat)[] triangle = [(-5, 54), (-2, 54.5), (-4, 56), (-5, 54)];
        var fence = ParseOne(Polygon(triangle), "{\"bufferNm\":12}");
        var outline = new List<GeoPoint>();
        for (var e = 0; e < 3; e++)
        {
            var (a, b) = (triangle[e], triangle[e + 1]);
            var steps = (int)Math.Ceiling(Math.Max(Math.Abs(b.Lon - a.Lon), Math.Abs(b.Lat - a.Lat)) / 0.0005);
            for (var k = 0; k < steps; k++)
            {
                var f = (double)k / steps;
                outline.Add(new GeoPoint(a.Lat + (f * (b.Lat - a.Lat)), a.Lon + (f * (b.Lon - a.Lon))));
            }
        }

        var vertices = fence.Geometry.Coordinates;
        var worst = 0.0;
        for (var i = 0; i < vertices.Length; i += 7)
        {
            var v = new GeoPoint(vertices[i].Y, vertices[i].X);
            var distance = outline.Min(p => Geodesy.DistanceNauticalMiles(v, p));
            worst = Math.Max(worst, Math.Abs(distance - 12));
        }

        // The triangle reaches ≈ 80 nm from its centre: the projection shortens a 12 nm buffer by at most ≈ 0.001 nm
        // (12·c²/6); vertices lie on the buffer arcs, so the chords between them do not add to it.
        Assert.True(worst < 0.005, $"worst error {worst:F4} nm");
    }

    [Fact]
    public void A_buffer_shrinks_holes()
    {
        // A 4° square with a 2° hole; the hole's edge at 21°N is crossed by the meridian 42°E.
        var drawn = Polygon(Box(40, 19, 44, 23), Box(41, 20, 43, 22));
        var fence = ParseOne(drawn, "{\"bufferNm\":12}");
        var elevenInsideTheHole = Geodesy.Destination(new GeoPoint(20, 42), 0, 11);
        var thirteenInsideTheHole = Geodesy.Destination(new GeoPoint(20, 42), 0, 13);

        Assert.False(ParseOne(drawn, "{}").Contains(elevenInsideTheHole, null));
        Assert.True(fence.Contains(elevenInsideTheHole, null));
        Assert.False(fence.Contains(thirteenInsideTheHole, null));
        Assert.False(fence.Contains(21, 42, null)); // the hole's centre, 60 nm from its edges
    }

    [Fact]
    public void A_buffer_across_the_antimeridian_grows_both_halves()
    {
        var fence = ParseOne(Polygon(Box(179.5, -10, 180.5, -9)), "{\"bufferNm\":12}");

        Assert.All(fence.Geometry.Coordinates, c => Assert.InRange(c.X, -180, 180));
        Assert.True(fence.Contains(Geodesy.Destination(new GeoPoint(-9.5, -179.5), 90, 11), null));
        Assert.False(fence.Contains(Geodesy.Destination(new GeoPoint(-9.5, -179.5), 90, 13), null));
        Assert.True(fence.Contains(Geodesy.Destination(new GeoPoint(-9.5, 179.5), 270, 11), null));
        Assert.True(fence.Contains(-9.5, 180, null));
    }

    [Fact]
    public void Buffering_a_shape_split_at_the_antimeridian_gives_the_same_fence_as_buffering_it_whole()
    {
        var split = ParseOne(MultiPolygon([Box(179.5, -10, 180, -9)], [Box(-180, -10, -179.5, -9)]), "{\"bufferNm\":12}");
        var whole = ParseOne(Polygon(Box(179.5, -10, 180.5, -9)), "{\"bufferNm\":12}");

        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var lat = -10.5 + (2 * random.NextDouble());
            var lon = 179 + (2 * random.NextDouble());
            Assert.Equal(whole.Contains(lat, lon, null), split.Contains(lat, lon, null));
        }

        Assert.Equal(whole.Geometry.Area, split.Geometry.Area, 4);
    }

    [Fact]
    public void A_buffer_around_a_polar_cap_extends_it_towards_the_equator()
    {
        var cap = Polygon([(-180, 85), (-90, 85), (0, 85), (90, 85), (180, 85), (180, 90), (-180, 90), (-180, 85)]);
        var fence = ParseOne(cap, "{\"bufferNm\":30}");

        Assert.True(fence.Geometry.IsValid);
        foreach (var lon in new[] { -180.0, -120, -45, 0, 60, 179.5 })
        {
            Assert.True(fence.Contains(85 - (29.0 / 60.04), lon, null), $"29 nm south at {lon}");
            Assert.False(fence.Contains(85 - (31.0 / 60.04), lon, null), $"31 nm south at {lon}");
            Assert.True(fence.Contains(89.999, lon, null));
        }
    }

    [Fact]
    public void A_buffer_that_reaches_over_a_pole_makes_a_polar_cap()
    {
        // A small box 40 nm from the north pole, buffered by 50 nm: the pole is now inside.
        var fence = ParseOne(Polygon(Box(10, 89, 30, 89.3)), "{\"bufferNm\":50}");

        Assert.True(fence.Contains(90, 0, null));
        Assert.True(fence.Contains(89.9, -160, null)); // 18 nm from the box across the pole
        Assert.False(fence.Contains(89.0, -160, null)); // ≈ 110 nm from it
    }

    [Fact]
    public void A_zero_buffer_leaves_the_drawn_shape_untouched()
    {
        var fence = ParseOne(Square, "{\"bufferNm\":0}");

        Assert.Equal(5, fence.Geometry.NumPoints);
        Assert.Equal(1.0, fence.Geometry.Area, 12);
    }
}
