using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using LiveTrack.History;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Server.Tests;

/// <summary>The recorded history over HTTP: tracks, area queries and the event log, for aircraft that are no longer live.</summary>
public sealed class HistoryApiTests
{
    private static readonly XNamespace Kml = "http://www.opengis.net/kml/2.2";
    private static readonly XNamespace Gx = "http://www.google.com/kml/ext/2.2";

    private static string Box(string id, double south, double west, double north, double east) => $$"""
        { "type": "Feature", "id": "{{id}}", "properties": { "name": "Box {{id}}" },
          "geometry": { "type": "Polygon", "coordinates": [[[{{west}}, {{south}}], [{{east}}, {{south}}], [{{east}}, {{north}}], [{{west}}, {{north}}], [{{west}}, {{south}}]]] } }
        """;

    private static async Task CreateFence(LiveTrackTestServer server, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences") { Content = new StringContent(body, Encoding.UTF8, "application/geo+json") };
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Waits until the history holds what the test pushed (the writer flushes every 100 ms in tests).</summary>
    private static async Task<JsonDocument> WaitForJson(LiveTrackTestServer server, string path, Func<JsonElement, bool> done, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await server.Http.GetAsync(path, timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
                if (done(document.RootElement))
                {
                    return document;
                }

                document.Dispose();
            }

            Assert.False(timeout.IsCancellationRequested, $"timed out waiting for {what}");
            await server.Services.GetRequiredService<HistoryWriter>().FlushAsync(timeout.Token);
        }
    }

    [Fact]
    public async Task An_aircraft_that_left_still_has_its_track_changes_and_events()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?> { ["LiveTrack:Tracking:LostAfter"] = "00:00:02" });
        await CreateFence(server, Box("hist-box", 26, -111, 27, -110));
        var icao = Icao.New();
        var t = DateTimeOffset.UtcNow.AddMinutes(-30);
        await server.PushSbs(
            Sbs.Identification(icao, "RCH123", t),
            Sbs.Position(icao, 25.5, -110.5, 30000, t),
            Sbs.Squawk(icao, "7700", emergency: true, t.AddMinutes(5)),
            Sbs.Position(icao, 26.5, -110.5, 31000, t.AddMinutes(10)),
            Sbs.Position(icao, 27.5, -110.5, 32000, t.AddMinutes(20)));

        // Gone from the live picture...
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await server.Http.GetAsync($"/api/aircraft/{icao}", timeout.Token)).StatusCode != HttpStatusCode.NotFound)
            {
                await server.Services.GetRequiredService<HistoryWriter>().FlushAsync(timeout.Token);
            }
        }

        // ...but its history answers.
        var window = $"from={t.AddHours(-1):O}&to={t.AddHours(1):O}".Replace("+", "%2B", StringComparison.Ordinal);
        using var track = await WaitForJson(server, $"/api/aircraft/{icao}/track?{window}", r => r.GetProperty("count").GetInt32() == 3, "three positions");
        var positions = track.RootElement.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal([25.5, 26.5, 27.5], positions.Select(p => p.GetProperty("lat").GetDouble()));
        Assert.Equal(HistoryTime.Truncate(t).ToUnixTimeMilliseconds(), positions[0].GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.All(positions, p => Assert.Equal("push", p.GetProperty("feed").GetString()));
        Assert.Equal([30000, 31000, 32000], positions.Select(p => p.GetProperty("altBaro").GetInt32()));
        var changes = track.RootElement.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("field").GetString(), c.GetProperty("value").GetString())).ToList();
        Assert.Contains(("Callsign", "RCH123"), changes);
        Assert.Contains(("Squawk", "7700"), changes);
        Assert.Contains(("Emergency", "true"), changes);
        Assert.Contains(("Altitude", "32000"), changes);

        using var events = await WaitForJson(server, $"/api/events?icao={icao}", r => r.GetProperty("count").GetInt32() >= 2, "the entered and exited events");
        var stored = events.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["Entered", "Exited"], stored.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(stored, e => Assert.Equal("hist-box", e.GetProperty("fenceId").GetString()));
        Assert.All(stored, e => Assert.False(e.GetProperty("imported").GetBoolean()));
        Assert.Equal(26.0, stored[0].GetProperty("crossing").GetProperty("latitude").GetDouble(), 3);

        using var inside = await WaitForJson(server, $"/api/history/aircraft?fence=hist-box&{window}", r => r.GetProperty("count").GetInt32() >= 1, "the aircraft inside the fence");
        var visit = Assert.Single(inside.RootElement.GetProperty("aircraft").EnumerateArray(), a => a.GetProperty("icao").GetString() == icao);
        Assert.Equal(1, visit.GetProperty("positions").GetInt32());
        Assert.Equal(HistoryTime.Truncate(t.AddMinutes(10)).ToUnixTimeMilliseconds(), visit.GetProperty("firstInside").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_track_comes_as_geojson_csv_and_kml()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var icao = Icao.New();
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);
        await server.PushSbs(Sbs.Position(icao, 30.0, -112.0, 20000, t), Sbs.Position(icao, 30.1, -112.1, 21000, t.AddSeconds(30)), Sbs.Position(icao, 30.2, -112.2, 22000, t.AddSeconds(60)));
        using (await WaitForJson(server, $"/api/aircraft/{icao}/track", r => r.GetProperty("count").GetInt32() == 3, "three positions"))
        {
        }

        var geo = await server.Http.GetAsync($"/api/aircraft/{icao}/track?format=geojson");
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        using var collection = JsonDocument.Parse(await geo.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", collection.RootElement.GetProperty("type").GetString());
        var features = collection.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal("LineString", features[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(3, features[0].GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        Assert.Equal(-112.1, features[0].GetProperty("geometry").GetProperty("coordinates")[1][0].GetDouble());
        var points = features.Skip(1).ToList();
        Assert.Equal(3, points.Count);
        Assert.All(points, p => Assert.Equal("Point", p.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.All(points, p => Assert.Equal("Adsb", p.GetProperty("properties").GetProperty("source").GetString()));
        Assert.Equal(HistoryTime.Truncate(t.AddSeconds(60)).ToUnixTimeMilliseconds(), points[2].GetProperty("properties").GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds());

        var csv = (await server.Http.GetStringAsync($"/api/aircraft/{icao}/track?format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("time,icao,lat,lon,alt_baro_ft", csv[0], StringComparison.Ordinal);
        Assert.Equal(4, csv.Length);
        Assert.Contains($",{icao},30.2,-112.2,22000,", csv[3], StringComparison.Ordinal);

        var kml = XDocument.Parse(await server.Http.GetStringAsync($"/api/aircraft/{icao}/track?format=kml"));
        var gxTrack = Assert.Single(kml.Descendants(Gx + "Track"));
        Assert.Equal(3, gxTrack.Elements(Kml + "when").Count());
        Assert.Equal(["-112 30 6096", "-112.1 30.1 6400.8", "-112.2 30.2 6705.6"], gxTrack.Elements(Gx + "coord").Select(c => c.Value));
    }

    [Theory]
    [InlineData("/api/aircraft/zzzzzz/track", "icao")]
    [InlineData("/api/aircraft/ae01c5/track?format=shapefile", "format")]
    [InlineData("/api/aircraft/ae01c5/track?from=yesterday", "from")]
    [InlineData("/api/aircraft/ae01c5/track?from=2026-12-02T10:00:00Z&to=2026-12-02T09:00:00Z", "to")]
    [InlineData("/api/aircraft/ae01c5/track?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("/api/history/aircraft", "bbox")]
    [InlineData("/api/history/aircraft?bbox=1,2,3", "bbox")]
    [InlineData("/api/history/aircraft?fence=no-such-fence", "fence")]
    [InlineData("/api/events?kind=Teleported", "kind")]
    [InlineData("/api/events?limit=0", "limit")]
    [InlineData("/api/events?cursor=abc", "cursor")]
    [InlineData("/api/events?icao=12", "icao")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string path, string field)
    {
        await using var server = await LiveTrackTestServer.StartAsync();

        var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task An_aircraft_never_recorded_has_no_track()
    {
        await using var server = await LiveTrackTestServer.StartAsync();

        var response = await server.Http.GetAsync($"/api/aircraft/{Icao.New()}/track");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_status_shows_what_the_writer_wrote_and_what_the_store_holds()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var icao = Icao.New();
        await server.PushSbs(Sbs.Position(icao, 30.0, -112.0, 20000), Sbs.Identification(icao, "STATUS1"));
        using var status = await WaitForJson(server, "/api/history/status", r => r.GetProperty("writer").GetProperty("positionsWritten").GetInt64() >= 1, "a written position");

        var writer = status.RootElement.GetProperty("writer");
        Assert.Equal("DuckDb", writer.GetProperty("engine").GetString());
        Assert.Equal(0, writer.GetProperty("dropped").GetInt64());
        Assert.True(writer.GetProperty("changesWritten").GetInt64() >= 2); // the callsign and the altitude
        var store = status.RootElement.GetProperty("store");
        Assert.True(store.GetProperty("positions").GetInt64() >= 1);
        Assert.Single(store.GetProperty("days").EnumerateArray());
    }

    [Fact]
    public async Task The_simulated_reconnaissance_flight_is_in_history_from_the_start()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Feeds:sim:Type"] = "Simulator",
            ["LiveTrack:Feeds:sim:Aircraft"] = "0",
            ["LiveTrack:Feeds:sim:GulfOfCaliforniaScenario"] = "true",
        });

        using var track = await WaitForJson(server, "/api/aircraft/ae01c5/track", r => r.GetProperty("count").GetInt32() >= 2, "two recorded positions of ae01c5");

        var positions = track.RootElement.GetProperty("positions").EnumerateArray().ToList();
        Assert.All(positions, p => Assert.Equal("sim", p.GetProperty("feed").GetString()));
        Assert.True(positions[0].GetProperty("lat").GetDouble() is > 20 and < 32);
    }
}
