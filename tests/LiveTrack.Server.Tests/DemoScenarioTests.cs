using LiveTrack.Adsb;
using LiveTrack.Alerting;
using LiveTrack.Geofencing;
using LiveTrack.Grains;
using LiveTrack.Simulation;

namespace LiveTrack.Server.Tests;

/// <summary>The embedded demo really shows the mission: the simulated reconnaissance orbit against the shipped fences.</summary>
public sealed class DemoScenarioTests
{
    [Fact]
    public void The_simulated_reconnaissance_aircraft_enters_and_leaves_the_demo_12nm_zone_and_the_mid_gulf_fence()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "geofences", "demo.geojson");
        var parsed = GeofenceParser.Parse(File.ReadAllText(demo));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var index = GeofenceIndex.Create(parsed.Fences);
        var start = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);
        var simulator = new TrafficSimulator(new SimulationOptions { AircraftCount = 0 }, start);
        var fences = new AircraftFences(GulfOfCaliforniaScenario.Icao, start);
        var events = new List<GeofenceEvent>();
        TrackPosition? previous = null;
        var messages = new List<SbsMessage>();

        // Three laps take about 81 minutes; fly two hours in 5 s steps.
        for (var t = start; t <= start.AddHours(2); t = t.AddSeconds(5))
        {
            messages.Clear();
            simulator.Advance(t, messages);
            var flight = simulator.Flights.Single(f => f.Icao == GulfOfCaliforniaScenario.Icao);
            var current = new TrackPosition(flight.Position.Latitude, flight.Position.Longitude, flight.AltitudeFeet, t);
            events.AddRange(fences.Moved(index, previous, current, flight.Callsign));
            previous = current;
        }

        var zone = events.Where(e => e.FenceId == "mexico-12nm-sinaloa").Select(e => e.Kind).ToList();
        Assert.Equal((GeofenceEventKind.Entered, GeofenceEventReason.FirstSeen), (events[0].Kind, events[0].Reason));
        Assert.Equal("gulf-of-california-international", events[0].FenceId);
        Assert.Contains(GeofenceEventKind.Entered, zone);
        Assert.Contains(GeofenceEventKind.Exited, zone);
        Assert.Equal(GeofenceEventKind.Entered, zone[0]);
        Assert.Contains(events, e => e.FenceId == "gulf-of-california-international" && e.Kind == GeofenceEventKind.Exited);
        Assert.All(events.Zip(events.Skip(1)), p => Assert.True(p.First.Sequence < p.Second.Sequence));

        // The shipped demo rule fires for it, once per entry into the zone, and for nothing else.
        using var rulesDocument = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "demo.json")));
        var rules = RuleSet.Create(rulesDocument.RootElement.EnumerateArray().Select(r =>
        {
            var parsed = AlertRuleParser.Parse(r, new RuleValidationContext(id => index.Find(id) is not null, WebhookAllowList.None));
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
            return parsed.Rule!;
        }));
        var engine = new RuleEngine();
        var aircraft = new AircraftSnapshot { Icao = GulfOfCaliforniaScenario.Icao, Callsign = GulfOfCaliforniaScenario.Callsign };
        var alerts = events.SelectMany(e => engine.OnGeofenceEvent(e with { Aircraft = aircraft }, index.Find(e.FenceId)!.Tags, rules, e.At)).ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal("us-military-enters-mexico-12nm", alert.RuleId);
        Assert.Equal(events.First(e => e.FenceId == "mexico-12nm-sinaloa").Sequence, alert.Events.Single().Sequence);
        Assert.Contains(GulfOfCaliforniaScenario.Callsign, alert.Summary, StringComparison.Ordinal);
    }
}
