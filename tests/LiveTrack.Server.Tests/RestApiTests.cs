using System.Net;
using System.Text.Json;
using LiveTrack.Ingestion;
using LiveTrack.Server.Apis;

namespace LiveTrack.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class RestApiTests(ServerFixture fixture)
{
    private LiveTrackTestServer Server => fixture.Server;

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("a,b,c,d")]
    [InlineData("-10,50,10,95")]
    [InlineData("-10,60,10,50")]
    public async Task A_malformed_bbox_is_a_400_problem_naming_the_parameter(string bbox)
    {
        var response = await Server.Http.GetAsync($"/api/aircraft?bbox={Uri.EscapeDataString(bbox)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("bbox", out var errors));
        Assert.NotEmpty(errors.EnumerateArray().First().GetString()!);
    }

    [Fact]
    public async Task A_malformed_icao_is_a_400_and_an_unknown_one_a_404_problem()
    {
        var malformed = await Server.Http.GetAsync("/api/aircraft/xyz123");
        var unknown = await Server.Http.GetAsync("/api/aircraft/7fffff");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using (var problem = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("icao", out _));
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        using var notFound = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(404, notFound.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("7fffff", notFound.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aircraft_are_listed_by_area_and_detailed_with_each_fields_provenance()
    {
        var inside = Icao.New();
        var outside = Icao.New();
        await using var client = await Server.ConnectClient();
        await client.SubscribeAircraft(inside);
        await Server.PushSbs(Sbs.Identification(inside, "RCH871"), Sbs.Position(inside, 26.5, -110.9, 28000), Sbs.Position(outside, 60, 10, 5000));
        await client.WaitForAircraft(inside, a => a.Callsign == "RCH871" && a.HasPosition);

        var list = await Server.GetJson<AircraftList>("/api/aircraft?bbox=-116,22,-104,33");
        var detail = await Server.GetJson<AircraftState>($"/api/aircraft/{inside.ToUpperInvariant()}");

        Assert.Contains(list!.Aircraft, a => a.Icao == inside);
        Assert.DoesNotContain(list.Aircraft, a => a.Icao == outside);
        Assert.Equal(list.Aircraft.Length, list.Count);
        Assert.Equal(inside, detail!.Icao);
        Assert.Equal("RCH871", detail.Callsign?.Value);
        Assert.Equal("push", detail.Callsign?.Feed);
        Assert.Equal(26.5, detail.Position?.Latitude);
        Assert.Equal("push", detail.Position?.Feed);
    }

    [Fact]
    public async Task Malformed_lines_are_counted_and_skipped_and_the_feed_keeps_going()
    {
        var icao = Icao.New();
        var before = (await Server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "push");
        await using var client = await Server.ConnectClient();
        await client.SubscribeAircraft(icao);

        await Server.PushSbs(
            "MSG,3,1,1,ZZZZZZ,1,,,,,,,,,,,,,,,,",
            "garbage \u0001\u0002 line",
            new string('x', 5000),
            "MSG,3,1,1," + icao + ",1,,,,,31000,,,91.5,10.0,,,0,0,0,0",
            "STA,,5,179,400AE7,10103,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153,RM",
            Sbs.Position(icao, 10, 20, 30000));
        await client.WaitForAircraft(icao, a => a.Latitude == 10);

        var after = (await Server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "push");
        Assert.Equal(4, after.Malformed - before.Malformed);
        Assert.Equal(1, after.Skipped - before.Skipped);
        Assert.True(after.Accepted > before.Accepted);
        Assert.Equal(FeedState.Listening, after.State);
        Assert.NotNull(after.LastMalformedSample);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var live = await Server.Http.GetAsync("/health/live");
        var ready = await Server.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_is_served_at_the_root()
    {
        var page = await Server.Http.GetStringAsync("/");
        var script = await Server.Http.GetStringAsync("/livetrack.js");

        Assert.Contains("<title>LiveTrack</title>", page, StringComparison.Ordinal);
        Assert.Contains("hubs/tracking", script, StringComparison.Ordinal);
    }
}
