using System.Net;
using System.Net.Sockets;
using System.Text;
using LiveTrack.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Server.Tests;

/// <summary>The SBS client and replay connectors against real sockets and files.</summary>
public sealed class FeedConnectorTests
{
    [Fact]
    public async Task The_sbs_client_reads_a_readsb_style_server_and_reconnects_after_the_connection_drops()
    {
        // A readsb-style SBS server on a free loopback port: serves one line per connection, then hangs up.
        using var readsb = new TcpListener(IPAddress.Loopback, 0);
        readsb.Start();
        var port = ((IPEndPoint)readsb.LocalEndpoint).Port;
        var first = Icao.New();
        var second = Icao.New();
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Feeds:receiver:Type"] = "SbsClient",
            ["LiveTrack:Feeds:receiver:Host"] = "127.0.0.1",
            ["LiveTrack:Feeds:receiver:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LiveTrack:Feeds:receiver:ReconnectDelay"] = "00:00:00.100",
        });
        await using var client = await server.ConnectClient();
        await client.SubscribeArea(-180, -90, 180, 90);

        foreach (var icao in new[] { first, second })
        {
            using var connection = await readsb.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(15));
            await connection.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Sbs.Position(icao, 48.35, 11.78, 4000) + "\n"));
            await client.WaitForAircraft(icao);
        }

        var status = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "receiver");
        Assert.True(status.Reconnects >= 1, $"expected a reconnect, status: {status}");
        Assert.Equal($"127.0.0.1:{port}", status.Endpoint);
        Assert.True(status.Accepted >= 2);
    }

    [Fact]
    public async Task An_idle_pushing_connection_is_closed_so_a_refused_pusher_gets_the_slot_back()
    {
        var icao = Icao.New();
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Feeds:guarded:Type"] = "SbsListener",
            ["LiveTrack:Feeds:guarded:Port"] = "0",
            ["LiveTrack:Feeds:guarded:MaxConnections"] = "1",
            ["LiveTrack:Feeds:guarded:IdleTimeout"] = "00:00:01",
        });
        await using var client = await server.ConnectClient();
        await client.SubscribeAircraft(icao);
        var endpoint = await server.SbsListenerEndpoint("guarded");

        // An idle connection takes the only slot; a pusher arriving now is turned away and counted.
        using var idle = new TcpClient();
        await idle.ConnectAsync(endpoint);
        await WaitForStatus(server, "guarded", f => f.Connections == 1);
        using (var early = new TcpClient())
        {
            await early.ConnectAsync(endpoint);
            await WaitForStatus(server, "guarded", f => f.Refused == 1);
        }

        // The idle connection is closed after its timeout, and the pusher's retry gets through.
        await WaitForStatus(server, "guarded", f => f.Connections == 0 && f.IdleClosed == 1);
        using var pusher = new TcpClient();
        await pusher.ConnectAsync(endpoint);
        await pusher.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Sbs.Position(icao, 47.46, 8.55, 3000) + "\r\n"));
        await client.WaitForAircraft(icao);

        var status = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "guarded");
        Assert.Equal(1, status.Refused);
        Assert.Equal(1, status.IdleClosed);
        Assert.Equal(0, await idle.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task WaitForStatus(LiveTrackTestServer server, string feed, Func<FeedStatusSnapshot, bool> condition)
    {
        var registry = server.Services.GetRequiredService<FeedStatusRegistry>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await registry.WaitForAsync(feed, condition, cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Feed {feed} never reached the expected status; last: {registry.Find(feed)?.Snapshot()}");
        }
    }

    [Fact]
    public async Task A_replayed_log_is_paced_by_its_timestamps_and_restamped_to_the_present()
    {
        var icao = Icao.New();
        var recorded = new DateTimeOffset(2024, 5, 14, 12, 0, 0, TimeSpan.Zero);
        var path = Path.Combine(Path.GetTempPath(), $"livetrack-replay-{Guid.NewGuid():N}.log");
        await File.WriteAllLinesAsync(path,
        [
            "CLK,,,,,,2024/05/14,12:00:00.000,2024/05/14,12:00:00.000",
            Sbs.Identification(icao, "RCH123", recorded),
            Sbs.Position(icao, 33.0, -117.0, 20000, recorded),
            "this line is garbage",
            Sbs.Position(icao, 33.001, -117.0, 20500, recorded.AddSeconds(2)),
        ]);
        try
        {
            var startedAt = DateTimeOffset.UtcNow;
            await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
            {
                ["LiveTrack:Feeds:replay:Type"] = "SbsReplay",
                ["LiveTrack:Feeds:replay:Path"] = path,
                ["LiveTrack:Feeds:replay:Speed"] = "4",
            });
            await using var client = await server.ConnectClient();
            await client.SubscribeAircraft(icao);

            var last = await client.WaitForAircraft(icao, a => a.Latitude == 33.001);
            var status = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "replay");

            // 2 recorded seconds at speed 4 take 0.5 s, re-stamped from the replay's start.
            Assert.Equal("RCH123", last.Callsign);
            Assert.True(last.PositionAt >= startedAt.AddSeconds(0.4), $"position time {last.PositionAt:O} should be ~0.5 s after {startedAt:O}");
            Assert.True(last.PositionAt < DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal(1, status.Malformed);
            Assert.Equal(1, status.Skipped);
            Assert.Equal(3, status.Messages);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
