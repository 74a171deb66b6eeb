using LiveTrack.Geo;

namespace LiveTrack.Simulation.Tests;

public class AirportsTests
{
    [Fact]
    public void About_forty_distinct_airports_with_valid_coordinates()
    {
        var all = Airports.All;
        Assert.InRange(all.Count, 35, 50);
        Assert.Equal(all.Count, all.Select(a => a.IcaoCode).Distinct().Count());
        Assert.All(all, a =>
        {
            Assert.Matches("^[A-Z]{4}$", a.IcaoCode);
            Assert.InRange(a.Location.Latitude, -60, 75);
            Assert.InRange(a.Location.Longitude, -180, 180);
        });
    }

    [Fact]
    public void Spot_check_well_known_coordinates()
    {
        // Heathrow is ~12 nm west of central London (51.507 N, 0.128 W); JFK ~11 nm south-east of Manhattan.
        var lhr = Airports.All.Single(a => a.IcaoCode == "EGLL").Location;
        var jfk = Airports.All.Single(a => a.IcaoCode == "KJFK").Location;
        Assert.InRange(Geodesy.DistanceNauticalMiles(lhr, new GeoPoint(51.507, -0.128)), 8, 16);
        Assert.InRange(Geodesy.DistanceNauticalMiles(jfk, new GeoPoint(40.758, -73.986)), 7, 15);
        Assert.InRange(Geodesy.DistanceNauticalMiles(lhr, jfk), 2960, 3020);
    }

    [Fact]
    public void Some_routes_cross_the_antimeridian()
    {
        var crossing = 0;
        foreach (var a in Airports.All)
        {
            foreach (var b in Airports.All)
            {
                if (a == b || Geodesy.DistanceNauticalMiles(a.Location, b.Location) < 500)
                {
                    continue;
                }

                var mid = Geodesy.Interpolate(a.Location, b.Location, 0.5);
                var q1 = Geodesy.Interpolate(a.Location, b.Location, 0.25);
                var q3 = Geodesy.Interpolate(a.Location, b.Location, 0.75);
                if (Math.Abs(mid.Longitude) > 150 && Math.Sign(q1.Longitude) != Math.Sign(q3.Longitude))
                {
                    crossing++;
                }
            }
        }

        Assert.True(crossing >= 10, $"only {crossing} antimeridian routes");
    }
}
