using LiveTrack.Adsb;
using LiveTrack.Geo;

namespace LiveTrack.Simulation.Tests;

public class TrafficSimulatorTests
{
    private static readonly DateTimeOffset Start = TestClock.Start;

    [Fact]
    public void Flight_count_follows_the_options()
    {
        Assert.Equal(301, new TrafficSimulator(new SimulationOptions(), Start).Flights.Count);
        Assert.Equal(
            25,
            new TrafficSimulator(new SimulationOptions { AircraftCount = 25, IncludeGulfOfCaliforniaScenario = false }, Start).Flights.Count);
        Assert.Single(new TrafficSimulator(new SimulationOptions { AircraftCount = 0 }, Start).Flights);
        Assert.Empty(new TrafficSimulator(new SimulationOptions { AircraftCount = 0, IncludeGulfOfCaliforniaScenario = false }, Start).Flights);
    }

    [Fact]
    public void Scenario_flight_is_last_and_the_only_military_one()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 50 }, Start);
        var last = sim.Flights[^1];
        Assert.True(last.IsMilitary);
        Assert.Equal(GulfOfCaliforniaScenario.Icao, last.Icao);
        Assert.Equal("JAKE21", last.Callsign);
        Assert.Equal(GulfOfCaliforniaScenario.Squawk, last.Squawk);
        Assert.Single(sim.Flights, f => f.IsMilitary);
        Assert.Null(last.Origin);
    }

    [Fact]
    public void Same_seed_gives_the_same_messages()
    {
        var a = Run(new SimulationOptions { AircraftCount = 60, Seed = 7 }, ticks: 120);
        var b = Run(new SimulationOptions { AircraftCount = 60, Seed = 7 }, ticks: 120);
        Assert.True(a.Count > 60 * 120 * 2);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Different_seeds_give_different_traffic()
    {
        var a = new TrafficSimulator(new SimulationOptions { AircraftCount = 20, Seed = 1 }, Start);
        var b = new TrafficSimulator(new SimulationOptions { AircraftCount = 20, Seed = 2 }, Start);
        Assert.NotEqual(a.Flights.Select(f => f.Icao), b.Flights.Select(f => f.Icao));
        Assert.NotEqual(a.Flights.Select(f => f.Position), b.Flights.Select(f => f.Position));
    }

    [Fact]
    public void Civil_traffic_does_not_depend_on_the_scenario_flag()
    {
        var with = new TrafficSimulator(new SimulationOptions { AircraftCount = 30 }, Start);
        var without = new TrafficSimulator(new SimulationOptions { AircraftCount = 30, IncludeGulfOfCaliforniaScenario = false }, Start);
        Assert.Equal(without.Flights.Select(f => (f.Icao, f.Callsign, f.Position)), with.Flights.Take(30).Select(f => (f.Icao, f.Callsign, f.Position)));
    }

    [Fact]
    public void Long_run_speeds_altitudes_and_route_changes_are_plausible()
    {
        // 200 civil flights plus the scenario flight, 3 simulated hours in 1 s steps.
        const int Ticks = 3 * 3600;
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 200, Seed = 42 }, Start);
        var flights = sim.Flights;
        var previous = flights.Select(f => f.Position).ToArray();
        var previousCallsigns = flights.Select(f => f.Callsign).ToArray();
        var output = new List<SbsMessage>(flights.Count * 4);
        double minSpeed = double.MaxValue, maxSpeed = 0;
        var routeChanges = 0;
        var antimeridianCrossings = 0;
        var failures = new List<string>();

        for (var tick = 1; tick <= Ticks; tick++)
        {
            output.Clear();
            sim.Advance(Start.AddSeconds(tick), output);

            for (var i = 0; i < flights.Count; i++)
            {
                var f = flights[i];
                var speed = Geodesy.DistanceNauticalMiles(previous[i], f.Position) * 3600; // nm per 1 s → kt
                minSpeed = Math.Min(minSpeed, speed);
                maxSpeed = Math.Max(maxSpeed, speed);
                if (speed is < 80 or > 600 || f.AltitudeFeet is < 0 or > 45_000 || f.TrackDegrees is < 0 or >= 360)
                {
                    failures.Add($"tick {tick}: {f} implied {speed:F1} kt");
                }

                if (Math.Abs(previous[i].Longitude - f.Position.Longitude) > 180)
                {
                    antimeridianCrossings++;
                }

                if (f.Callsign != previousCallsigns[i])
                {
                    routeChanges++;
                    previousCallsigns[i] = f.Callsign;
                }

                previous[i] = f.Position;
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.InRange(minSpeed, 80, 600);
        Assert.InRange(maxSpeed, 80, 600);

        // The run exercises arrivals (new routes begin mid-run) and Pacific crossings.
        Assert.True(routeChanges >= 20, $"only {routeChanges} route changes");
        Assert.True(antimeridianCrossings >= 1, "no flight crossed the antimeridian");
    }

    [Fact]
    public void Civil_flights_climb_cruise_and_descend_realistically()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 300, IncludeGulfOfCaliforniaScenario = false }, Start);
        var output = new List<SbsMessage>();
        int climbing = 0, cruising = 0, descending = 0;
        for (var minute = 0; minute <= 240; minute += 5)
        {
            sim.Advance(Start.AddMinutes(minute), output);
            foreach (var f in sim.Flights)
            {
                Assert.InRange(f.AltitudeFeet, 0, 41_000);
                if (f.VerticalRateFeetPerMinute == 0)
                {
                    cruising++;
                    Assert.InRange(f.AltitudeFeet, 30_000, 41_000);
                    Assert.Equal(0, f.AltitudeFeet % 1000);
                    Assert.InRange(f.GroundSpeedKnots, 420, 490);
                }
                else
                {
                    Assert.InRange(Math.Abs(f.VerticalRateFeetPerMinute), 1500, 2500);
                    Assert.InRange(f.GroundSpeedKnots, 180, 490);
                    if (f.VerticalRateFeetPerMinute > 0)
                    {
                        climbing++;
                    }
                    else
                    {
                        descending++;
                    }
                }
            }
        }

        Assert.True(climbing > 0 && descending > 0, $"{climbing} climbing, {descending} descending samples");
        Assert.True(cruising > climbing + descending, "most long-haul time is spent in cruise");
    }

    [Fact]
    public void Flights_follow_their_great_circle_route()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 100, IncludeGulfOfCaliforniaScenario = false }, Start);
        sim.Advance(Start.AddSeconds(1), new List<SbsMessage>());
        foreach (var f in sim.Flights)
        {
            var origin = f.Origin!.Location;
            var destination = f.Destination!.Location;
            var total = Geodesy.DistanceNauticalMiles(origin, destination);
            var flown = Geodesy.DistanceNauticalMiles(origin, f.Position);
            var remaining = Geodesy.DistanceNauticalMiles(f.Position, destination);
            Assert.True(total >= 500, $"{f.Origin.IcaoCode}-{f.Destination.IcaoCode} is only {total:F0} nm");
            Assert.Equal(total, flown + remaining, 6);

            // The reported track points along the great circle towards the destination.
            var bearing = Geodesy.InitialBearingDegrees(f.Position, destination);
            var diff = Math.Abs(bearing - f.TrackDegrees) % 360;
            Assert.True(Math.Min(diff, 360 - diff) < 0.01 || remaining < 0.1, f.ToString());
        }
    }

    [Fact]
    public void Map_is_populated_at_once_all_over_the_world()
    {
        var sim = new TrafficSimulator(new SimulationOptions(), Start);
        var positions = sim.Flights.Select(f => f.Position).ToList();
        Assert.Contains(positions, p => p.Longitude < -60); // Americas
        Assert.Contains(positions, p => p.Longitude is > -30 and < 60); // Europe/Africa
        Assert.Contains(positions, p => p.Longitude > 90); // Asia/Pacific
        Assert.True(sim.Flights.Count(f => f.AltitudeFeet >= 30_000) > 150, "most flights start in cruise");
        Assert.True(positions.Distinct().Count() == positions.Count, "no two flights share a position");
    }

    [Fact]
    public void Each_tick_sends_position_and_velocity_for_every_flight_and_identification_on_the_first()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 40 }, Start);
        var output = new List<SbsMessage>();
        var now = Start.AddSeconds(1);
        sim.Advance(now, output);

        Assert.All(output, m =>
        {
            Assert.Equal(now, m.GeneratedAt);
            Assert.Equal(now, m.LoggedAt);
            Assert.False(m.IsMlat);
        });

        foreach (var f in sim.Flights)
        {
            var mine = output.Where(m => m.Icao == f.Icao).ToList();
            var position = Assert.Single(mine, m => m.Type == SbsTransmissionType.AirbornePosition);
            Assert.True(position.HasPosition);
            Assert.Equal(f.Position.Latitude, position.Latitude);
            Assert.Equal(f.Position.Longitude, position.Longitude);
            Assert.Equal(f.AltitudeFeet, position.AltitudeFeet);
            Assert.False(position.OnGround);

            var velocity = Assert.Single(mine, m => m.Type == SbsTransmissionType.AirborneVelocity);
            Assert.Equal(f.GroundSpeedKnots, velocity.GroundSpeedKnots);
            Assert.Equal(f.TrackDegrees, velocity.TrackDegrees);
            Assert.Equal(f.VerticalRateFeetPerMinute, velocity.VerticalRateFeetPerMinute);
            Assert.False(velocity.HasPosition);

            var identification = Assert.Single(mine, m => m.Type == SbsTransmissionType.Identification);
            Assert.Equal(f.Callsign, identification.Callsign);

            Assert.DoesNotContain(mine, m => m.Type is not (SbsTransmissionType.AirbornePosition
                or SbsTransmissionType.AirborneVelocity or SbsTransmissionType.Identification
                or SbsTransmissionType.SurveillanceIdentity));
        }
    }

    [Fact]
    public void Identification_about_every_10_s_and_squawk_about_every_30_s()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 80 }, Start);
        var perTick = new List<List<SbsMessage>>();
        for (var tick = 1; tick <= 120; tick++)
        {
            var output = new List<SbsMessage>();
            sim.Advance(Start.AddSeconds(tick), output);
            perTick.Add(output);
        }

        var all = perTick.SelectMany(m => m).ToList();
        foreach (var f in sim.Flights)
        {
            var mine = all.Where(m => m.Icao == f.Icao).ToList();
            Assert.Equal(120, mine.Count(m => m.Type == SbsTransmissionType.AirbornePosition));
            Assert.Equal(120, mine.Count(m => m.Type == SbsTransmissionType.AirborneVelocity));

            // 120 s: the first tick plus one every 10 s → 12..13 (one more if a new route began).
            Assert.InRange(mine.Count(m => m.Type == SbsTransmissionType.Identification), 12, 14);
            Assert.InRange(mine.Count(m => m.Type == SbsTransmissionType.SurveillanceIdentity), 4, 5);

            // Never more than 10 s without a callsign, never more than 30 s without a squawk.
            AssertMaxGap(mine, SbsTransmissionType.Identification, TimeSpan.FromSeconds(10));
            AssertMaxGap(mine, SbsTransmissionType.SurveillanceIdentity, TimeSpan.FromSeconds(30));
            Assert.All(mine.Where(m => m.Type == SbsTransmissionType.SurveillanceIdentity), m => Assert.Equal(f.Squawk, m.Squawk));
        }

        // Periodic messages are spread over the interval rather than all sent on one tick.
        var identificationsPerTick = perTick.Skip(1).Select(t => t.Count(m => m.Type == SbsTransmissionType.Identification)).ToList();
        Assert.True(identificationsPerTick.Max() < sim.Flights.Count / 2, $"max {identificationsPerTick.Max()} MSG,1 in one tick");
    }

    [Fact]
    public void A_new_route_brings_a_new_callsign_and_squawk_at_once()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 100, Seed = 3, IncludeGulfOfCaliforniaScenario = false }, Start);
        var callsigns = sim.Flights.Select(f => f.Callsign).ToArray();
        var squawks = sim.Flights.Select(f => f.Squawk).ToArray();
        var seen = 0;
        var output = new List<SbsMessage>();
        for (var tick = 1; tick <= 3600 && seen < 5; tick++)
        {
            output.Clear();
            sim.Advance(Start.AddSeconds(tick), output);
            for (var i = 0; i < callsigns.Length; i++)
            {
                var f = sim.Flights[i];
                if (f.Callsign == callsigns[i])
                {
                    continue;
                }

                seen++;
                Assert.NotEqual(squawks[i], f.Squawk);
                Assert.True(Geodesy.DistanceNauticalMiles(f.Origin!.Location, f.Position) < 0.1, $"{f} just departed");
                Assert.Contains(output, m => m.Icao == f.Icao && m.Type == SbsTransmissionType.Identification && m.Callsign == f.Callsign);
                Assert.Contains(output, m => m.Icao == f.Icao && m.Type == SbsTransmissionType.SurveillanceIdentity && m.Squawk == f.Squawk);
                Assert.True(f.AltitudeFeet < 2500, $"{f} should be climbing out");
                callsigns[i] = f.Callsign;
                squawks[i] = f.Squawk;
            }
        }

        Assert.True(seen >= 5, $"only {seen} route changes in an hour");
    }

    [Fact]
    public void Civil_addresses_are_lower_case_hex_unique_and_never_us_military()
    {
        // 20,000 random addresses would include ~150 in AE0000–AFFFFF if the block were not excluded.
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 20_000 }, Start);
        var civil = sim.Flights.Where(f => !f.IsMilitary).ToList();
        Assert.Equal(20_000, civil.Count);
        Assert.Equal(civil.Count, civil.Select(f => f.Icao).Distinct().Count());
        Assert.All(civil, f =>
        {
            Assert.Matches("^[0-9a-f]{6}$", f.Icao);
            var address = Convert.ToInt32(f.Icao, 16);
            Assert.False(address is >= 0xAE0000 and <= 0xAFFFFF, f.Icao);
            Assert.NotEqual(0, address);
        });
    }

    [Fact]
    public void Callsigns_and_squawks_have_the_right_shape()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 2_000 }, Start);
        var civil = sim.Flights.Where(f => !f.IsMilitary).ToList();
        Assert.All(civil, f =>
        {
            Assert.Matches("^[A-Z]{3}[1-9][0-9]{0,3}$", f.Callsign);
            Assert.Matches("^[0-7]{4}$", f.Squawk);
            Assert.DoesNotContain(f.Squawk, new[] { "7500", "7600", "7700" });
        });
        Assert.Equal(civil.Count, civil.Select(f => f.Callsign).Distinct().Count());
        Assert.True(civil.Select(f => f.Callsign[..3]).Distinct().Count() > 10, "several airlines");
        Assert.True(civil.Select(f => f.Squawk).Distinct().Count() > 1000, "squawks are varied");
    }

    [Fact]
    public void Advancing_backwards_throws()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 5 }, Start);
        var output = new List<SbsMessage>();
        sim.Advance(Start.AddSeconds(10), output);
        var ex = Assert.Throws<ArgumentException>(() => sim.Advance(Start.AddSeconds(9), output));
        Assert.Equal("now", ex.ParamName);
        Assert.Throws<ArgumentException>(() => new TrafficSimulator(new SimulationOptions(), Start).Advance(Start.AddTicks(-1), output));
        Assert.Equal(Start.AddSeconds(10), sim.Now);
    }

    [Fact]
    public void Advancing_by_zero_is_allowed_and_does_not_move()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 5 }, Start);
        var output = new List<SbsMessage>();
        sim.Advance(Start, output);
        var before = sim.Flights.Select(f => f.Position).ToList();
        sim.Advance(Start, output);
        Assert.Equal(before, sim.Flights.Select(f => f.Position));
        Assert.Equal(2 * 6 * 2 + 6, output.Count(m => m.Type != SbsTransmissionType.SurveillanceIdentity));
    }

    [Fact]
    public void A_large_time_jump_lands_where_small_steps_would()
    {
        var options = new SimulationOptions { AircraftCount = 60, Seed = 11 };
        var stepped = new TrafficSimulator(options, Start);
        var jumped = new TrafficSimulator(options, Start);
        var initialCallsigns = stepped.Flights.Select(f => f.Callsign).ToArray();
        var output = new List<SbsMessage>();
        for (var tick = 1; tick <= 3 * 3600; tick++)
        {
            output.Clear();
            stepped.Advance(Start.AddSeconds(tick), output);
        }

        output.Clear();
        jumped.Advance(Start.AddHours(3), output);

        // The jump crosses arrivals: several flights are on a new route by now.
        Assert.True(stepped.Flights.Where((f, i) => f.Callsign != initialCallsigns[i]).Count() >= 5);
        Assert.Equal(jumped.Flights.Count * 3, output.Count(m => m.Type != SbsTransmissionType.SurveillanceIdentity));
        for (var i = 0; i < stepped.Flights.Count; i++)
        {
            Assert.Equal(stepped.Flights[i].Callsign, jumped.Flights[i].Callsign);
            Assert.Equal(stepped.Flights[i].Destination, jumped.Flights[i].Destination);
            Assert.True(Geodesy.DistanceNauticalMiles(stepped.Flights[i].Position, jumped.Flights[i].Position) < 1e-6);
        }
    }

    [Fact]
    public void Advance_rejects_a_null_output()
    {
        var sim = new TrafficSimulator(new SimulationOptions { AircraftCount = 1 }, Start);
        Assert.Throws<ArgumentNullException>(() => sim.Advance(Start, null!));
    }

    private static List<SbsMessage> Run(SimulationOptions options, int ticks)
    {
        var sim = new TrafficSimulator(options, Start);
        var output = new List<SbsMessage>();
        for (var tick = 1; tick <= ticks; tick++)
        {
            sim.Advance(Start.AddSeconds(tick), output);
        }

        return output;
    }

    private static void AssertMaxGap(List<SbsMessage> messages, SbsTransmissionType type, TimeSpan maxGap)
    {
        var times = messages.Where(m => m.Type == type).Select(m => m.GeneratedAt!.Value).ToList();
        for (var i = 1; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 1] <= maxGap, $"{type} gap {times[i] - times[i - 1]}");
        }

        Assert.True(times.Count > 0 && times[0] - Start <= maxGap, $"first {type} too late");
    }
}
