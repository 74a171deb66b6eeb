using LiveTrack.Adsb;
using LiveTrack.Geo;

namespace LiveTrack.Simulation.Tests;

public class GulfOfCaliforniaScenarioTests
{
    private static readonly DateTimeOffset Start = TestClock.Start;

    [Fact]
    public void Identity_of_the_reconnaissance_flight()
    {
        var address = Convert.ToInt32(GulfOfCaliforniaScenario.Icao, 16);
        Assert.InRange(address, 0xAE0000, 0xAFFFFF);
        Assert.Matches("^[0-9a-f]{6}$", GulfOfCaliforniaScenario.Icao);
        Assert.Equal("JAKE21", GulfOfCaliforniaScenario.Callsign);
        Assert.Matches("^[0-7]{4}$", GulfOfCaliforniaScenario.Squawk);
    }

    [Fact]
    public void Orbit_geometry_is_mid_gulf_along_the_axis()
    {
        var centre = GulfOfCaliforniaScenario.OrbitCentre;
        Assert.Equal(26.3, centre.Latitude, 6);
        Assert.Equal(-110.4, centre.Longitude, 6);

        var nw = GulfOfCaliforniaScenario.NorthWestTurnCentre;
        var se = GulfOfCaliforniaScenario.SouthEastTurnCentre;
        Assert.Equal(40, Geodesy.DistanceNauticalMiles(nw, se), 6);
        Assert.Equal(135, Geodesy.InitialBearingDegrees(nw, se), 0);
        Assert.True(nw.Latitude > se.Latitude && nw.Longitude < se.Longitude);

        // The extended turn's far side passes exactly the closest-approach distance from the coast.
        var extended = GulfOfCaliforniaScenario.ExtendedTurnCentre;
        Assert.Equal(
            GulfOfCaliforniaScenario.TurnRadiusNauticalMiles + GulfOfCaliforniaScenario.ClosestApproachNauticalMiles,
            Geodesy.DistanceNauticalMiles(extended, GulfOfCaliforniaScenario.CoastPoint),
            6);
        Assert.True(GulfOfCaliforniaScenario.ExtendedLapDuration > GulfOfCaliforniaScenario.NormalLapDuration);
    }

    [Fact]
    public void Normal_lap_is_two_legs_and_two_half_turns()
    {
        // 2 × 40 nm + 2π × 8 nm = 130.27 nm at 360 kt = 21.7 min.
        var expected = TimeSpan.FromHours(((2 * 40) + (2 * Math.PI * 8)) / 360);
        Assert.Equal(expected.TotalSeconds, GulfOfCaliforniaScenario.NormalLapDuration.TotalSeconds, 0);
    }

    [Fact]
    public void Lap_numbers_and_extended_laps()
    {
        Assert.Equal(0, GulfOfCaliforniaScenario.LapNumberAt(TimeSpan.Zero));
        Assert.Equal(1, GulfOfCaliforniaScenario.LapNumberAt(GulfOfCaliforniaScenario.ExtendedLapDuration + TimeSpan.FromSeconds(1)));
        Assert.Equal(3, GulfOfCaliforniaScenario.LapNumberAt(GulfOfCaliforniaScenario.CycleDuration + TimeSpan.FromSeconds(1)));
        Assert.Equal(5, GulfOfCaliforniaScenario.LapNumberAt((2 * GulfOfCaliforniaScenario.CycleDuration) - TimeSpan.FromSeconds(1)));
        Assert.True(GulfOfCaliforniaScenario.IsExtendedLap(0));
        Assert.False(GulfOfCaliforniaScenario.IsExtendedLap(1));
        Assert.False(GulfOfCaliforniaScenario.IsExtendedLap(2));
        Assert.True(GulfOfCaliforniaScenario.IsExtendedLap(3));
        Assert.False(GulfOfCaliforniaScenario.IsExtendedLap(5));
    }

    [Fact]
    public void Orbit_over_several_laps_stays_mid_gulf_and_enters_the_territorial_sea_only_on_extended_laps()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 0 }, Start);
        var jake = Assert.Single(sim.Flights);
        var centre = GulfOfCaliforniaScenario.OrbitCentre;
        var coast = GulfOfCaliforniaScenario.CoastPoint;
        var output = new List<SbsMessage>();
        var previous = jake.Position;
        var closestOnNormalLaps = double.MaxValue;
        var farthestOnNormalLaps = 0.0;
        var farthestOverall = 0.0;
        var closestOverall = double.MaxValue;
        var secondsInsideTerritorialSea = 0;
        var lapsInsideTerritorialSea = new HashSet<long>();
        var steadyOnAxis = 0;
        var normalSamples = 0;

        // Two full cycles (six laps, ~2.7 h) in 1 s steps.
        var seconds = (int)(2 * GulfOfCaliforniaScenario.CycleDuration.TotalSeconds);
        for (var tick = 1; tick <= seconds; tick++)
        {
            output.Clear();
            sim.Advance(Start.AddSeconds(tick), output);
            var position = jake.Position;

            var speed = Geodesy.DistanceNauticalMiles(previous, position) * 3600;
            Assert.InRange(speed, 355, 360.001); // chord ≤ arc in the turns; never a jump
            previous = position;

            Assert.Equal(31_000, jake.AltitudeFeet);
            Assert.Equal(360, jake.GroundSpeedKnots);
            Assert.Equal(0, jake.VerticalRateFeetPerMinute);
            Assert.Contains(output, m => m.Type == SbsTransmissionType.AirbornePosition && m.Icao == "ae01c5");

            var fromCentre = Geodesy.DistanceNauticalMiles(centre, position);
            var fromCoast = Geodesy.DistanceNauticalMiles(coast, position);
            farthestOverall = Math.Max(farthestOverall, fromCentre);
            closestOverall = Math.Min(closestOverall, fromCoast);

            var lap = GulfOfCaliforniaScenario.LapNumberAt(TimeSpan.FromSeconds(tick));
            Assert.Equal(lap, GulfOfCaliforniaScenario.LapNumberAt(TimeSpan.FromSeconds(tick)));
            if (fromCoast <= GulfOfCaliforniaScenario.TerritorialSeaNauticalMiles)
            {
                secondsInsideTerritorialSea++;
                lapsInsideTerritorialSea.Add(lap);
            }

            if (!GulfOfCaliforniaScenario.IsExtendedLap(lap))
            {
                normalSamples++;
                closestOnNormalLaps = Math.Min(closestOnNormalLaps, fromCoast);
                farthestOnNormalLaps = Math.Max(farthestOnNormalLaps, fromCentre);
                var offAxis = Math.Min(AngleBetween(jake.TrackDegrees, 135), AngleBetween(jake.TrackDegrees, 315));
                if (offAxis < 1)
                {
                    steadyOnAxis++;
                }
            }
        }

        // Normal laps: a 40 nm × 16 nm racetrack around the centre (at most 20 + 8 nm out), far from the coast.
        Assert.InRange(farthestOnNormalLaps, 27, 28.5);
        Assert.True(farthestOnNormalLaps < 60);
        Assert.True(closestOnNormalLaps > 12, $"normal laps came {closestOnNormalLaps:F1} nm from the coast");

        // Legs along the gulf's axis take 80 of the 130 nm of a lap.
        Assert.InRange(steadyOnAxis / (double)normalSamples, 0.55, 0.65);

        // Extended laps: about 8 nm from the coast, inside the 12 nm territorial sea on laps 0 and 3 only,
        // for a couple of minutes each time.
        Assert.InRange(closestOverall, 7.9, 8.1);
        Assert.Equal(new long[] { 0, 3 }, lapsInsideTerritorialSea.Order());
        Assert.InRange(secondsInsideTerritorialSea, 2 * 60, 2 * 5 * 60);

        // The excursion is the only time the aircraft leaves the normal orbit's area (coast is 84 nm from the centre).
        Assert.InRange(farthestOverall, 70, 80);
    }

    [Fact]
    public void First_approach_to_the_coast_comes_within_the_first_half_hour()
    {
        var threeLaps = TimeSpan.FromMinutes(30);
        var closest = double.MaxValue;
        for (var t = TimeSpan.Zero; t <= threeLaps; t += TimeSpan.FromSeconds(5))
        {
            closest = Math.Min(closest, Geodesy.DistanceNauticalMiles(GulfOfCaliforniaScenario.CoastPoint, GulfOfCaliforniaScenario.PositionAt(t)));
        }

        Assert.True(closest < 12, $"closest {closest:F1} nm");
    }

    [Fact]
    public void The_orbit_is_flown_clockwise()
    {
        // Track increases (right turns) through each turn: sample the south-east turn of lap 2, a normal lap.
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 0 }, Start);
        var jake = sim.Flights[0];
        var output = new List<SbsMessage>();
        var lap2 = (int)Math.Round((GulfOfCaliforniaScenario.ExtendedLapDuration + GulfOfCaliforniaScenario.NormalLapDuration).TotalSeconds);

        // Straight leg first: 40 nm at 360 kt is 400 s, heading south-east.
        sim.Advance(Start.AddSeconds(lap2 + 200), output);
        Assert.Equal(135, jake.TrackDegrees, 0);

        var previousTrack = jake.TrackDegrees;
        var turned = 0.0;
        for (var tick = lap2 + 401; tick <= lap2 + 401 + 250; tick++)
        {
            sim.Advance(Start.AddSeconds(tick), output);
            var change = ((jake.TrackDegrees - previousTrack + 540) % 360) - 180;
            Assert.True(change >= -0.01, $"left turn of {change:F2}° at {tick} s");
            turned += change;
            previousTrack = jake.TrackDegrees;
        }

        // Half a circle of 8 nm radius is 25.1 nm, about 251 s: the aircraft is heading north-west again.
        Assert.InRange(turned, 175, 185);
        Assert.Equal(315, jake.TrackDegrees, 0);
    }

    [Fact]
    public void Position_at_matches_the_simulator_and_repeats_every_cycle()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 0 }, Start);
        var t = TimeSpan.FromMinutes(47.5);
        sim.Advance(Start + t, new List<SbsMessage>());
        Assert.True(Geodesy.DistanceNauticalMiles(sim.Flights[0].Position, GulfOfCaliforniaScenario.PositionAt(t)) < 1e-9);

        var a = GulfOfCaliforniaScenario.PositionAt(t);
        var b = GulfOfCaliforniaScenario.PositionAt(t + (3 * GulfOfCaliforniaScenario.CycleDuration));
        Assert.True(Geodesy.DistanceNauticalMiles(a, b) < 1e-6);
    }

    private static double AngleBetween(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
