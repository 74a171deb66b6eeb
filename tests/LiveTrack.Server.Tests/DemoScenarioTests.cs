using LiveTrack.Adsb;
using LiveTrack.Alerting;
using LiveTrack.Geofencing;
using LiveTrack.Grains;
using LiveTrack.Simulation;

namespace LiveTrack.Server.Tests;

/// <summary>
/// The embedded demo really shows the mission: the simulated reconnaissance orbit against Mexico's real national
/// airspace (the OSM maritime boundary package the build restored) and the international waters derived from it.
/// </summary>
public sealed class DemoScenarioTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Laps_over_the_strip_raise_no_event_and_the_straying_lap_enters_Mexican_national_airspace_naming_the_dataset()
    {
        var index = DemoFences();
        var (events, laps) = Fly(index, TimeSpan.FromHours(2.5));

        var mexico = events.Where(e => e.FenceId == "national-airspace-mex").ToList();
        Assert.NotEmpty(mexico);
        Assert.All(mexico, e => Assert.True(GulfOfCaliforniaScenario.IsExtendedLap(laps[e.Sequence]), $"{e.Kind} on lap {laps[e.Sequence]}"));
        Assert.Equal(
            [GeofenceEventKind.Entered, GeofenceEventKind.Exited, GeofenceEventKind.Entered, GeofenceEventKind.Exited],
            mexico.Select(e => e.Kind));
        Assert.Equal(new long[] { 0, 3 }, mexico.Select(e => laps[e.Sequence]).Distinct());

        var entered = mexico[0];
        Assert.Equal(GeofenceEventReason.Crossed, entered.Reason);
        Assert.InRange(entered.At - Start, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(25));
        Assert.Equal("osm-maritime-1000m", entered.Provenance!.Dataset);
        Assert.Equal("1.1.0", entered.Provenance.PackageVersion);
        Assert.Equal("ODbL-1.0", entered.Provenance.Licence);
        Assert.Equal("© OpenStreetMap contributors", entered.Provenance.Attribution);
        Assert.Equal(1000 / 1852.0, entered.Provenance.ToleranceNm, 9);
        Assert.InRange(entered.BoundaryDistanceNm!.Value, 0, 1);

        // The orbit starts over the international strip and leaves it only on the straying laps.
        Assert.Equal(("gulf-of-california-international", GeofenceEventKind.Entered, GeofenceEventReason.FirstSeen), (events[0].FenceId, events[0].Kind, events[0].Reason));
        Assert.All(events.Where(e => e.FenceId == "gulf-of-california-international").Skip(1), e => Assert.True(GulfOfCaliforniaScenario.IsExtendedLap(laps[e.Sequence])));
        Assert.DoesNotContain(events, e => e.FenceId == "national-airspace-usa");
        Assert.All(events.Zip(events.Skip(1)), p => Assert.True(p.First.Sequence < p.Second.Sequence));
    }

    [Fact]
    public void The_demo_rule_alerts_once_per_straying_lap_and_the_alert_cites_the_dataset_and_the_distance_to_the_line()
    {
        var index = DemoFences();
        var (events, _) = Fly(index, TimeSpan.FromHours(1));

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
        Assert.Equal("us-military-enters-mexican-airspace", alert.RuleId);
        Assert.Equal(events.First(e => e.FenceId == "national-airspace-mex").Sequence, alert.Events.Single().Sequence);
        Assert.Matches(
            @"^JAKE21 \(ae01c5\) entered Mexican national airspace at \d\d:\d\d:\d\dZ \(OSM maritime boundary, 1 km resolution, v1\.1\.0\): \d+\.\d nm inside the line at \d\d:\d\d:\d\dZ$",
            alert.Summary);
        Assert.Equal("osm-maritime-1000m", alert.Events.Single().Provenance!.Dataset);
    }

    /// <summary>What the run command imports: MEX and USA national airspace and the gulf's international waters.</summary>
    internal static GeofenceIndex DemoFences()
    {
        var dataset = BoundaryDatasetReader.Open(BoundaryDataset.Find("osm-maritime-1000m")!, Path.Combine(AppContext.BaseDirectory, "boundaries"))
            ?? throw new InvalidOperationException("The boundary dataset is not in the test output: the build's npm ci did not run.");
        var mexico = NationalAirspace.Create(dataset, "MEX", Start, "Mexican national airspace");
        var usa = NationalAirspace.Create(dataset, "USA", Start, "United States national airspace");
        var area = GeofenceParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "geofences", "gulf-of-california.geojson"))).Fences.Single();
        var waters = NationalAirspace.InternationalWaters("gulf-of-california-international", "Gulf of California: international waters", area.Geometry, [mexico], Start)!;
        return GeofenceIndex.Create([mexico, usa, waters]);
    }

    private static (List<GeofenceEvent> Events, Dictionary<long, long> Laps) Fly(GeofenceIndex index, TimeSpan duration)
    {
        var simulator = new TrafficSimulator(new SimulationOptions { AircraftCount = 0 }, Start);
        var fences = new AircraftFences(GulfOfCaliforniaScenario.Icao, Start);
        var events = new List<GeofenceEvent>();
        var laps = new Dictionary<long, long>();
        TrackPosition? previous = null;
        var messages = new List<SbsMessage>();
        for (var t = Start; t <= Start + duration; t = t.AddSeconds(5))
        {
            messages.Clear();
            simulator.Advance(t, messages);
            var flight = simulator.Flights.Single(f => f.Icao == GulfOfCaliforniaScenario.Icao);
            var current = new TrackPosition(flight.Position.Latitude, flight.Position.Longitude, flight.AltitudeFeet, t);
            foreach (var e in fences.Moved(index, previous, current, flight.Callsign))
            {
                events.Add(e);
                laps[e.Sequence] = GulfOfCaliforniaScenario.LapNumberAt(e.At - Start);
            }

            previous = current;
        }

        return (events, laps);
    }
}
