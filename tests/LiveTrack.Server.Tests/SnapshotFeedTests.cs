using System.Globalization;
using LiveTrack.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Server.Tests;

/// <summary>aircraft.json and OpenSky feeds over real HTTP on 127.0.0.1, alone and together with an SBS feed.</summary>
public sealed class SnapshotFeedTests
{
    private static string Unix(DateTimeOffset t) => (t.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Feeds(FakeFeedServer fake, bool openSky = true) => new()
    {
        ["LiveTrack:Feeds:readsb:Type"] = "AircraftJson",
        ["LiveTrack:Feeds:readsb:Url"] = fake.ReadsbUrl.ToString(),
        ["LiveTrack:Feeds:readsb:PollInterval"] = "00:00:00.200",
        ["LiveTrack:Feeds:readsb:ReconnectDelay"] = "00:00:00.200",
        ["LiveTrack:Feeds:opensky:Type"] = "OpenSky",
        ["LiveTrack:Feeds:opensky:Enabled"] = openSky ? "true" : "false",
        ["LiveTrack:Feeds:opensky:Url"] = fake.OpenSkyUrl.ToString(),
        ["LiveTrack:Feeds:opensky:TokenUrl"] = fake.TokenUrl.ToString(),
        ["LiveTrack:Feeds:opensky:ClientId"] = "analyst",
        ["LiveTrack:Feeds:opensky:ClientSecret"] = "s3cret",
        ["LiveTrack:Feeds:opensky:Area"] = "-120,20,10,55",
        ["LiveTrack:Feeds:opensky:PollInterval"] = "00:00:01",
        ["LiveTrack:Feeds:opensky:ReconnectDelay"] = "00:00:00.200",
    };

    [Fact]
    public async Task Three_feeds_of_different_types_merge_into_one_state_per_aircraft()
    {
        await using var fake = await FakeFeedServer.StartAsync();
        var (a, b, c, d) = (Icao.New(), Icao.New(), Icao.New(), Icao.New());
        var t = DateTimeOffset.UtcNow.AddSeconds(-20);
        fake.ReadsbDocument = $$"""
            { "now": {{Unix(t.AddSeconds(10))}}, "messages": 1234, "aircraft": [
              { "hex": "{{a}}", "type": "adsb_icao", "flight": "RCH871  ", "r": "05-0123", "t": "C17", "dbFlags": 1,
                "alt_baro": 28000, "alt_geom": 28400, "gs": 410.2, "track": 90.5, "baro_rate": -640, "squawk": "4521",
                "emergency": "none", "category": "A5", "lat": 26.5, "lon": -110.9, "seen_pos": 0.5, "seen": 0.2 },
              { "hex": "{{d}}", "type": "mlat", "lat": 30.0, "lon": -115.0, "seen_pos": 0, "seen": 0, "alt_baro": 12000 }
            ] }
            """;
        await using var server = await LiveTrackTestServer.StartAsync(settings: Feeds(fake));
        await using var client = await server.ConnectClient();
        await client.SubscribeArea(-180, -90, 180, 90);

        await client.WaitForAircraft(a, s => s.HasPosition && s.Callsign == "RCH871");
        await client.WaitForAircraft(d, s => s.Latitude == 30.0);
        await server.PushSbs(Sbs.Position(c, 40.64, -73.78, 3000));
        await client.WaitForAircraft(c);

        // OpenSky now lists b, and d with a position older than readsb's: that one must be dropped.
        fake.OpenSkyDocument = $$"""
            { "time": {{(long)t.AddSeconds(10).ToUnixTimeSeconds()}}, "states": [
              ["{{b}}", "DLH400  ", "Germany", {{t.AddSeconds(8).ToUnixTimeSeconds()}}, {{t.AddSeconds(9).ToUnixTimeSeconds()}}, 8.57, 50.03, 9144.0, false, 200.0, 270.0, -5.08, null, 9300.0, "1000", false, 0, 4],
              ["{{d}}", null, "United States", {{t.ToUnixTimeSeconds()}}, {{t.AddSeconds(1).ToUnixTimeSeconds()}}, -115.01, 30.01, 3657.6, false, 150.0, 10.0, 0.0, null, null, null, false, 2]
            ] }
            """;
        await client.WaitForAircraft(b, s => s.HasPosition);
        var openSky = await WaitForFeed(server, "opensky", f => f.Accepted >= 2 || f.Stale >= 1);

        var grains = server.Services.GetRequiredService<IGrainFactory>();
        var stateA = (await grains.GetGrain<IAircraftGrain>(a).GetState())!;
        var stateB = (await grains.GetGrain<IAircraftGrain>(b).GetState())!;
        var stateD = (await grains.GetGrain<IAircraftGrain>(d).GetState())!;

        Assert.Equal("05-0123", stateA.Registration?.Value);
        Assert.Equal("C17", stateA.TypeCode?.Value);
        Assert.True(stateA.Military?.Value);
        Assert.Equal("A5", stateA.Category?.Value);
        Assert.Equal(28400, stateA.GeometricAltitudeFeet?.Value);
        Assert.Equal(-640, stateA.VerticalRateFeetPerMinute?.Value);
        Assert.Equal("readsb", stateA.Position?.Feed);
        Assert.Equal(t.AddSeconds(9.5).ToUnixTimeMilliseconds(), stateA.Position!.Value.At.ToUnixTimeMilliseconds());
        Assert.Equal(t.AddSeconds(9.8).ToUnixTimeMilliseconds(), stateA.Callsign!.Value.At.ToUnixTimeMilliseconds());

        // OpenSky units: 9144 m = 30,000 ft; 200 m/s = 388.77 kt; -5.08 m/s = -1,000 ft/min.
        Assert.Equal(30000, stateB.BarometricAltitudeFeet?.Value);
        Assert.Equal(30512, stateB.GeometricAltitudeFeet?.Value);
        Assert.Equal(388.77, stateB.GroundSpeedKnots!.Value.Value, 2);
        Assert.Equal(-1000, stateB.VerticalRateFeetPerMinute?.Value);
        Assert.Equal("DLH400", stateB.Callsign?.Value);
        Assert.Equal("opensky", stateB.Position?.Feed);
        Assert.Equal(PositionSource.Adsb, stateB.Position?.Source);

        Assert.Equal(30.0, stateD.Position?.Latitude);
        Assert.Equal("readsb", stateD.Position?.Feed);
        Assert.Equal(PositionSource.Mlat, stateD.Position?.Source);
        Assert.True(stateD.Stale >= 1, $"the older OpenSky position of {d} should count as stale");
        Assert.Single(client.Received.SelectMany(f => f.Aircraft).Where(s => s.Icao == d).Select(s => s.PositionAt).Distinct());

        var feeds = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!;
        Assert.Equal(["opensky", "push", "readsb"], feeds.Select(f => f.Name));
        Assert.Equal(FeedState.Listening, feeds.Single(f => f.Name == "push").State);
        Assert.Equal(FeedState.Polling, feeds.Single(f => f.Name == "readsb").State);
        Assert.Equal(FeedState.Polling, openSky.State);
        Assert.Equal(1, fake.TokenRequests);
        Assert.All(fake.OpenSkySeen, seen => Assert.Equal("Bearer token-1", seen.Authorization));
        Assert.Contains("lamin=20&lomin=-120&lamax=55&lomax=10", fake.OpenSkySeen.First().Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_errors_and_rate_limits_on_one_feed_leave_the_others_and_the_server_untouched()
    {
        await using var fake = await FakeFeedServer.StartAsync();
        var (sbsDuringOutage, afterRecovery, viaOpenSky) = (Icao.New(), Icao.New(), Icao.New());
        await using var server = await LiveTrackTestServer.StartAsync(settings: Feeds(fake));
        await using var client = await server.ConnectClient();
        await client.SubscribeArea(-180, -90, 180, 90);

        fake.ReadsbMode = FeedMode.Garbage;
        fake.OpenSkyMode = FeedMode.RateLimited;
        var broken = await WaitForFeed(server, "readsb", f => f.Malformed >= 2 && f.State == FeedState.Disconnected);
        var limited = await WaitForFeed(server, "opensky", f => f.State == FeedState.RateLimited);
        await server.PushSbs(Sbs.Position(sbsDuringOutage, 51.47, -0.45, 2000));
        await client.WaitForAircraft(sbsDuringOutage);

        fake.ReadsbMode = FeedMode.Truncated;
        await WaitForFeed(server, "readsb", f => f.Malformed >= broken.Malformed + 1);
        fake.ReadsbMode = FeedMode.ServerError;
        var failing = await WaitForFeed(server, "readsb", f => f.LastError?.Contains("502", StringComparison.Ordinal) == true);

        var now = DateTimeOffset.UtcNow;
        fake.ReadsbDocument = $$"""{ "now": {{Unix(now)}}, "aircraft": [ { "hex": "{{afterRecovery}}", "lat": 35.5, "lon": 139.8, "seen": 0.1 } ] }""";
        fake.ReadsbMode = FeedMode.Ok;
        fake.OpenSkyDocument = $$"""{ "time": {{now.ToUnixTimeSeconds()}}, "states": [ ["{{viaOpenSky}}", "QFA1    ", "Australia", {{now.ToUnixTimeSeconds()}}, {{now.ToUnixTimeSeconds()}}, 151.18, -33.94, null, true, 0.0, null, null, null, null, null, false, 0] ] }""";
        fake.OpenSkyMode = FeedMode.Ok;
        await client.WaitForAircraft(afterRecovery, s => s.Latitude == 35.5);
        await client.WaitForAircraft(viaOpenSky, s => s.Latitude == -33.94);

        Assert.Contains("unusable document", broken.LastError, StringComparison.Ordinal);
        Assert.Contains("429", limited.LastError, StringComparison.Ordinal);
        Assert.True(failing.Reconnects >= 3);
        Assert.NotNull(failing.LastErrorAt);
        // Recovered: the error (and its time) is gone once a poll succeeds after it.
        var readsbRecovered = await WaitForFeed(server, "readsb", f => f.LastError is null);
        var openSkyRecovered = await WaitForFeed(server, "opensky", f => f.LastError is null);
        Assert.Null(readsbRecovered.LastErrorAt);
        Assert.Null(openSkyRecovered.LastErrorAt);
        var health = await server.Http.GetAsync("/health/ready");
        Assert.True(health.IsSuccessStatusCode);
        var recovered = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!;
        Assert.Equal(FeedState.Polling, recovered.Single(f => f.Name == "readsb").State);
    }

    [Fact]
    public async Task A_chunked_document_over_the_size_limit_is_cut_off_and_counts_as_a_failed_poll()
    {
        await using var fake = await FakeFeedServer.StartAsync();
        var afterwards = Icao.New();
        var settings = Feeds(fake, openSky: false);
        settings["LiveTrack:Feeds:readsb:MaxDocumentBytes"] = "1048576";
        fake.ReadsbMode = FeedMode.Oversized;
        await using var server = await LiveTrackTestServer.StartAsync(settings: settings);
        await using var client = await server.ConnectClient();
        await client.SubscribeAircraft(afterwards);

        var failed = await WaitForFeed(server, "readsb", f => f.Reconnects >= 2);
        fake.ReadsbDocument = $$"""{ "now": {{Unix(DateTimeOffset.UtcNow)}}, "aircraft": [ { "hex": "{{afterwards}}", "lat": 48.35, "lon": 11.78, "seen": 0.1 } ] }""";
        fake.ReadsbMode = FeedMode.Ok;
        await client.WaitForAircraft(afterwards);

        Assert.Contains("over the 1048576 byte limit", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(FeedState.Disconnected, failed.State);
    }

    [Fact]
    public async Task Entries_unchanged_between_polls_produce_no_new_updates()
    {
        await using var fake = await FakeFeedServer.StartAsync();
        var icao = Icao.New();
        fake.ReadsbDocument = $$"""{ "now": {{Unix(DateTimeOffset.UtcNow)}}, "aircraft": [ { "hex": "{{icao}}", "flight": "SWA12", "lat": 33.94, "lon": -118.41, "alt_baro": "ground", "seen": 1.0 } ] }""";
        await using var server = await LiveTrackTestServer.StartAsync(settings: Feeds(fake, openSky: false));
        await using var client = await server.ConnectClient();
        await client.SubscribeAircraft(icao);
        var first = await client.WaitForAircraft(icao);

        // Let the feed poll the same document several more times.
        var polled = fake.ReadsbRequests;
        await WaitForFeed(server, "readsb", f => f.Lines >= polled + 4);

        var state = (await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IAircraftGrain>(icao).GetState())!;
        var status = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "readsb");
        Assert.Equal(1, state.Accepted);
        Assert.Equal(0, state.Stale);
        Assert.Equal(1, status.Messages);
        Assert.True(first.OnGround);
        Assert.Null(first.BarometricAltitudeFeet);
    }

    private static async Task<FeedStatusSnapshot> WaitForFeed(LiveTrackTestServer server, string name, Func<FeedStatusSnapshot, bool> condition)
    {
        var registry = server.Services.GetRequiredService<FeedStatusRegistry>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            // The feed polls on its own schedule; its status tells when it changed.
            return await registry.WaitForAsync(name, condition, cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Feed {name} never reached the expected status; last: {registry.Find(name)?.Snapshot()}");
        }
    }
}
