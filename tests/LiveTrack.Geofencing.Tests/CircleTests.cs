using LiveTrack.Geo;
using NetTopologySuite.Geometries;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class CircleTests
{
    [Theory]
    [InlineData(-110.5, 26.5, 12.0)]
    [InlineData(139.7, 35.7, 0.5)]
    [InlineData(10.0, 70.0, 250.0)]
    [InlineData(-60.0, -55.0, 500.0)]
    public void Every_vertex_of_a_circle_lies_at_the_radius_from_the_centre(double lon, double lat, double radius)
    {
        var fence = ParseOne(Circle(lon, lat), $"{{\"radiusNm\":{Number(radius)}}}");
        var centre = new GeoPoint(lat, lon);

        var vertices = fence.Geometry.Coordinates;
        Assert.True(vertices.Length > 64, $"{vertices.Length} vertices");
        Assert.All(vertices, v => Assert.Equal(radius, Geodesy.DistanceNauticalMiles(centre, new GeoPoint(v.Y, v.X)), 6));
    }

    [Theory]
    [InlineData(-110.5, 26.5, 12.0)]
    [InlineData(179.9, -16.0, 40.0)] // across the antimeridian
    [InlineData(-20.0, 89.0, 90.0)] // around the north pole (the pole is 60 nm from the centre)
    [InlineData(120.0, -88.5, 150.0)] // around the south pole
    public void A_circle_contains_exactly_the_points_within_its_radius(double lon, double lat, double radius)
    {
        var fence = ParseOne(Circle(lon, lat), $"{{\"radiusNm\":{Number(radius)}}}");
        var centre = new GeoPoint(lat, lon);
        var random = new Random(7);

        // The polygon's chords cut inside the circle by at most 0.005 nm; points closer to the circle than that are skipped.
        var checkedPoints = 0;
        for (var i = 0; i < 2000; i++)
        {
            var p = Geodesy.Destination(centre, random.NextDouble() * 360, radius * 2 * random.NextDouble());
            var distance = Geodesy.DistanceNauticalMiles(centre, p);
            if (Math.Abs(distance - radius) < 0.006)
            {
                continue;
            }

            checkedPoints++;
            Assert.True(
                fence.Contains(p, null) == distance < radius,
                $"{p} at {distance:F4} nm from the centre of a {radius} nm circle");
        }

        Assert.True(checkedPoints > 1900);
    }

    [Fact]
    public void A_circle_around_a_pole_covers_the_pole_at_every_longitude()
    {
        var fence = ParseOne(Circle(45, 89.5), "{\"radiusNm\":60}");

        Assert.All(new[] { -180.0, -135, -90, 0, 90, 179.999 }, lon => Assert.True(fence.Contains(89.99, lon, null)));
        Assert.True(fence.Contains(90, 0, null));
        Assert.True(fence.Geometry.IsValid);
        Assert.InRange(fence.Geometry.EnvelopeInternal.MinX, -180, -180);
        Assert.InRange(fence.Geometry.EnvelopeInternal.MaxX, 180, 180);
    }

    [Fact]
    public void A_circle_crossing_the_antimeridian_is_split_into_two_parts_touching_it()
    {
        var fence = ParseOne(Circle(179.8, 0), "{\"radiusNm\":30}");

        var multi = Assert.IsType<MultiPolygon>(fence.Geometry);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal(-180, multi.EnvelopeInternal.MinX);
        Assert.Equal(180, multi.EnvelopeInternal.MaxX);
        Assert.True(fence.Contains(0, -179.9, null));
        Assert.True(fence.Contains(0, 180, null));
        Assert.True(fence.Contains(0, -180, null));
        Assert.False(fence.Contains(0, -179.2, null));
    }

    [Fact]
    public void A_circle_at_a_pole_itself_is_a_polar_cap()
    {
        var fence = ParseOne(Circle(0, -90), "{\"radiusNm\":120}");

        Assert.True(fence.Contains(-88.1, 77, null)); // 114 nm from the pole
        Assert.False(fence.Contains(-87.9, 77, null)); // 126 nm from the pole
    }

    [Fact]
    public void A_circles_buffer_adds_to_its_radius()
    {
        var centre = new GeoPoint(20, 30);
        var fence = ParseOne(Circle(30, 20), "{\"radiusNm\":10,\"bufferNm\":5}");

        Assert.Equal(5, fence.BufferNauticalMiles);
        Assert.True(fence.Contains(Geodesy.Destination(centre, 33, 14.9), null));
        Assert.False(fence.Contains(Geodesy.Destination(centre, 33, 15.1), null));
        Assert.All(fence.Geometry.Coordinates, v => Assert.Equal(15, Geodesy.DistanceNauticalMiles(centre, new GeoPoint(v.Y, v.X)), 6));
    }

    [Theory]
    [InlineData(1.0, 64)]
    [InlineData(10.0, 100)]
    [InlineData(500.0, 703)]
    public void Larger_circles_get_more_vertices_so_chords_stay_within_5_thousandths_of_a_mile(double radius, int vertices)
    {
        Assert.Equal(vertices, GeodesicCircle.VertexCount(radius));
        Assert.True(radius * (1 - Math.Cos(Math.PI / vertices)) <= GeodesicCircle.MaxInsetNauticalMiles || vertices == GeodesicCircle.MinVertices);
    }
}
