using LiveTrack.Geo;

namespace LiveTrack.Geofencing.Tests;

public class AzimuthalEquidistantTests
{
    [Theory]
    [InlineData(26.5, -110.5)]
    [InlineData(89.99, 10)]
    [InlineData(90, 0)]
    [InlineData(-45, 179.9)]
    public void Distance_from_the_centre_on_the_plane_is_the_great_circle_distance_and_the_inverse_returns_the_point(double lat, double lon)
    {
        var centre = new GeoPoint(lat, lon);
        var projection = new AzimuthalEquidistant(centre);
        var random = new Random(4);

        for (var i = 0; i < 500; i++)
        {
            var p = Geodesy.Destination(centre, random.NextDouble() * 360, random.NextDouble() * 1500);
            var xy = projection.Forward(p.Latitude, p.Longitude);
            var back = projection.Inverse(xy.X, xy.Y);

            Assert.Equal(Geodesy.DistanceNauticalMiles(centre, p), Math.Sqrt((xy.X * xy.X) + (xy.Y * xy.Y)), 6);
            Assert.True(Geodesy.DistanceNauticalMiles(p, back) < 1e-7, $"{p} came back as {back}");
        }
    }

    [Fact]
    public void North_is_up_and_east_is_right()
    {
        var projection = new AzimuthalEquidistant(new GeoPoint(10, 20));

        var north = projection.Forward(11, 20);
        var east = projection.Forward(10, 21);

        Assert.Equal(0, north.X, 9);
        Assert.Equal(60.04, north.Y, 2);
        Assert.True(east.X > 59 && Math.Abs(east.Y) < 0.2);
    }
}
