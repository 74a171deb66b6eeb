using System.Net;
using System.Text;
using System.Text.Json;
using LiveTrack.History;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Server.Tests;

/// <summary>GET /api/verdicts: whether an aircraft entered a fence, decided from its recorded track.</summary>
public sealed class VerdictsApiTests
{
    // The box 26..27 N, 111..110 W; its southern edge is the line the test tracks cross or keep away from.
    private const string Fence = """
        { "type": "Feature", "id": "verdict-box", "properties": { "name": "Verdict box" },
          "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] } }
        """;

    [Fact]
    public async Task A_track_that_crosses_a_fence_entered_it_and_one_that_stays_3_nm_outside_did_not()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences") { Content = new StringContent(Fence, Encoding.UTF8, "application/geo+json") })
        {
            request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
            Assert.Equal(HttpStatusCode.Created, (await server.Http.SendAsync(request)).StatusCode);
        }

        var t = DateTimeOffset.UtcNow.AddMinutes(-20);
        var crosser = Icao.New();
        var outsider = Icao.New();
        // Northbound across the edge at 110.5 W: 25.90 → 26.10 N, one report every 10 s (~430 kt).
        var crossing = Enumerable.Range(0, 11).Select(i => Sbs.Position(crosser, 25.90 + (0.02 * i), -110.5, 30000, t.AddSeconds(10 * i)));
        // Eastbound along 25.95 N, 0.05° (3.0 nm) south of the edge, one report every 15 s (~260 kt).
        var parallel = Enumerable.Range(0, 11).Select(i => Sbs.Position(outsider, 25.95, -110.6 + (0.02 * i), 30000, t.AddSeconds(15 * i)));
        await server.PushSbs([.. crossing, .. parallel]);
        await WaitForTrack(server, crosser, 11);
        await WaitForTrack(server, outsider, 11);

        using var entered = await Verdict(server, $"/api/verdicts?icao={crosser}&fence=verdict-box");
        Assert.Equal("entered", entered.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(11, entered.RootElement.GetProperty("positions").GetProperty("count").GetInt32());
        var crossings = entered.RootElement.GetProperty("crossings").EnumerateArray().ToList();
        var first = Assert.Single(crossings);
        Assert.Equal("entered", first.GetProperty("kind").GetString());
        Assert.Equal(26.0, first.GetProperty("point").GetProperty("latitude").GetDouble(), 3);

        using var notEntered = await Verdict(server, $"/api/verdicts?icao={outsider}&fence=verdict-box&positions=false");
        Assert.Equal("not-entered", notEntered.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(3.0, notEntered.RootElement.GetProperty("closestApproach").GetProperty("distanceNm").GetDouble(), 0.1);
        Assert.False(notEntered.RootElement.TryGetProperty("evaluated", out _), "positions=false leaves out the per-position evidence");
    }

    [Fact]
    public async Task An_unknown_fence_is_a_404_naming_fence_and_a_bad_from_a_400_naming_from()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var icao = Icao.New();

        var unknown = await server.Http.GetAsync($"/api/verdicts?icao={icao}&fence=no-such-fence");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()))
        {
            Assert.Equal("fence", problem.RootElement.GetProperty("field").GetString());
            Assert.Contains("no-such-fence", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var badFrom = await server.Http.GetAsync($"/api/verdicts?icao={icao}&fence=verdict-box&from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badFrom.StatusCode);
        Assert.Equal("application/problem+json", badFrom.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await badFrom.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("from", out _), problem.RootElement.ToString());
        }
    }

    private static async Task<JsonDocument> Verdict(LiveTrackTestServer server, string path)
    {
        var response = await server.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.False(string.IsNullOrEmpty(Assert.Single(response.Headers.GetValues("X-Trace-Id"))), "the verdict names its trace");
        return JsonDocument.Parse(body);
    }

    /// <summary>Waits until the history holds all <paramref name="count"/> positions (the writer flushes every 100 ms in tests).</summary>
    private static async Task WaitForTrack(LiveTrackTestServer server, string icao, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await server.Http.GetAsync($"/api/aircraft/{icao}/track", timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var track = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
                if (track.RootElement.GetProperty("count").GetInt32() >= count)
                {
                    return;
                }
            }

            Assert.False(timeout.IsCancellationRequested, $"timed out waiting for {count} recorded positions of {icao}");
            await server.Services.GetRequiredService<HistoryWriter>().FlushAsync(timeout.Token);
        }
    }
}
