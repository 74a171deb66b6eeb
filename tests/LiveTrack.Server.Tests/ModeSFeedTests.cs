using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LiveTrack.Adsb;
using LiveTrack.Ingestion;
using LiveTrack.ModeS;
using LiveTrack.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Server.Tests;

/// <summary>Beast and AVR feeds end to end: real sockets in, the Mode S decoder, grains, a real SignalR client out.</summary>
public sealed class ModeSFeedTests
{
    private const string Recon = "ae01c5";
    private const string Mexican = "0d0a5e";

    [Fact]
    public async Task Beast_frames_pushed_over_tcp_reach_a_hub_client_at_the_decoded_position_with_identity_flags()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Feeds:beast:Type"] = "BeastListener",
            ["LiveTrack:Feeds:beast:Port"] = "0",
            ["LiveTrack:Identity:Databases:0"] = "aircraft/demo.csv",
        });
        await using var client = await server.ConnectClient();
        await client.SubscribeArea(-180, -90, 180, 90);

        var stream = new BeastStream();
        stream.Identification(0xae01c5, "JAKE21", "A5");
        stream.Pair(0xae01c5, 26.3, -110.4, 31000);
        stream.Velocity(0xae01c5, 360, 315, 0);
        stream.Pair(0x0d0a5e, 23.1, -106.5, 12000);
        stream.Pair(0x3c4dd2, 50.03, 8.57, 5000, mlat: true);
        stream.Garbage([0x00, 0x13, 0x37]);
        stream.CorruptFrame(0x0d0a5e);
        await PushInPieces(await server.SbsListenerEndpoint("beast"), stream.Bytes);

        var recon = await client.WaitForAircraft(Recon, a => a.HasPosition && a.Callsign == "JAKE21" && a.GroundSpeedKnots is not null);
        var mexican = await client.WaitForAircraft(Mexican, a => a.HasPosition);
        var mlat = await client.WaitForAircraft("3c4dd2", a => a.HasPosition);

        Assert.Equal(26.3, recon.Latitude!.Value, 4);
        Assert.Equal(-110.4, recon.Longitude!.Value, 4);
        Assert.Equal(31000, recon.BarometricAltitudeFeet);
        Assert.InRange(recon.GroundSpeedKnots!.Value, 359, 361); // east and north components in whole knots
        Assert.InRange(recon.TrackDegrees!.Value, 314.5, 315.5);
        Assert.Equal(PositionSource.Adsb, recon.PositionSource);
        Assert.Equal("A5", recon.Category);
        Assert.True(recon.Military);
        Assert.Equal("United States", recon.Country);
        Assert.Equal("US", recon.CountryCode);
        Assert.Equal("R135", recon.TypeCode);
        Assert.Equal("62-4134", recon.Registration);
        Assert.Equal("United States Air Force", recon.Operator);

        Assert.Equal(23.1, mexican.Latitude!.Value, 4);
        Assert.Equal("Mexico", mexican.Country);
        Assert.Equal("MX", mexican.CountryCode);
        Assert.False(mexican.Military);

        Assert.Equal(PositionSource.Mlat, mlat.PositionSource);
        Assert.Equal("Germany", mlat.Country);

        var status = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "beast");
        Assert.Equal(FeedType.BeastListener, status.Type);
        Assert.NotNull(status.ModeS);
        Assert.Equal(1, status.ModeS.CrcErrors);
        Assert.True(status.ModeS.CprGlobal >= 3, status.ToString());
        Assert.True(status.Malformed >= 1);
        Assert.Equal(status.ModeS.Messages, status.Lines);
    }

    [Fact]
    public async Task The_avr_client_reads_a_readsb_style_server_counts_malformed_lines_and_reconnects()
    {
        using var readsb = new TcpListener(IPAddress.Loopback, 0);
        readsb.Start();
        var port = ((IPEndPoint)readsb.LocalEndpoint).Port;
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Feeds:avr:Type"] = "AvrClient",
            ["LiveTrack:Feeds:avr:Host"] = "127.0.0.1",
            ["LiveTrack:Feeds:avr:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["LiveTrack:Feeds:avr:ReconnectDelay"] = "00:00:00.100",
        });
        await using var client = await server.ConnectClient();
        await client.SubscribeArea(-180, -90, 180, 90);

        // First connection: the published KLM pair (odd, then even) and a line that is not AVR; then a hang-up.
        using (var connection = await readsb.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(15)))
        {
            await connection.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
                "*8D40621D58C386435CC412692AD6;\r\nthis is not avr\r\n@0000000012348D40621D58C382D690C8AC2863A7;\r\n*8D4840D6202CC371C32CE0576098;\r\n"));
        }

        var klm = await client.WaitForAircraft("40621d", a => a.HasPosition);
        Assert.Equal(52.2572, klm.Latitude!.Value, 4);
        Assert.Equal(3.9194, klm.Longitude!.Value, 4);
        Assert.Equal(38000, klm.BarometricAltitudeFeet);
        Assert.Equal("United Kingdom", klm.Country);

        // The identification has no position (no area covers it): follow the aircraft itself.
        await client.SubscribeAircraft("4840d6");
        using (var connection = await readsb.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(15)))
        {
            await connection.GetStream().WriteAsync(Encoding.ASCII.GetBytes("*8D4840D6202CC371C32CE0576098;\n"));
            var callsign = await WaitForState(server, client, "4840d6", s => s.Callsign?.Value == "KLM1023" && s.LastFeed == "avr" && s.Accepted == 2);
            Assert.Equal("Netherlands", callsign.Identity?.Country);
        }

        var status = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "avr");
        Assert.True(status.Reconnects >= 1, status.ToString());
        Assert.Equal(1, status.Malformed);
        Assert.Equal(1, status.ModeS!.FramingErrors);
        Assert.Equal(5, status.Lines);
    }

    [Fact]
    public async Task The_same_traffic_as_sbs_and_as_beast_gives_the_same_state()
    {
        var settings = new Dictionary<string, string?>
        {
            ["LiveTrack:Feeds:beast:Type"] = "BeastListener",
            ["LiveTrack:Feeds:beast:Port"] = "0",
        };
        var servers = await Task.WhenAll(LiveTrackTestServer.StartAsync(settings: settings), LiveTrackTestServer.StartAsync(settings: settings));
        await using var sbsServer = servers[0];
        await using var beastServer = servers[1];

        var start = DateTimeOffset.UtcNow.AddSeconds(-30);
        var simulator = new TrafficSimulator(new SimulationOptions { AircraftCount = 12, Seed = 18, IncludeGulfOfCaliforniaScenario = true }, start);
        var renderer = new ModeSRenderer(start);
        var sbs = new StringBuilder();
        var beast = new List<byte>();
        var messages = new List<SbsMessage>();
        var line = new byte[SbsParser.MaxLineLength];
        var frames = new byte[ModeSRenderer.MaxBytesPerMessage];
        for (var tick = 0; tick < 4; tick++)
        {
            messages.Clear();
            simulator.Advance(start.AddSeconds(tick), messages);
            foreach (var message in messages)
            {
                Assert.True(SbsFormatter.TryFormat(message, line, out var written));
                sbs.Append(Encoding.ASCII.GetString(line, 0, written)).Append("\r\n");
                beast.AddRange(frames.AsSpan(0, renderer.Render(message, frames)));
            }
        }

        await using var sbsClient = await sbsServer.ConnectClient();
        await using var beastClient = await beastServer.ConnectClient();
        await sbsClient.SubscribeArea(-180, -90, 180, 90);
        await beastClient.SubscribeArea(-180, -90, 180, 90);
        await PushInPieces(await sbsServer.SbsListenerEndpoint("push"), Encoding.ASCII.GetBytes(sbs.ToString()));
        await PushInPieces(await beastServer.SbsListenerEndpoint("beast"), [.. beast]);

        foreach (var flight in simulator.Flights)
        {
            bool Final(AircraftState s) =>
                s.Position is { } p && Math.Abs(p.Latitude - flight.Position.Latitude) < 1e-4 && Math.Abs(p.Longitude - flight.Position.Longitude) < 1e-4
                && s.Callsign is not null && s.GroundSpeedKnots is not null;
            var fromSbs = await WaitForState(sbsServer, sbsClient, flight.Icao, Final);
            var fromBeast = await WaitForState(beastServer, beastClient, flight.Icao, Final);

            // 17-bit CPR: within a few metres of the SBS position.
            Assert.InRange(fromBeast.Position!.Value.Latitude - fromSbs.Position!.Value.Latitude, -1e-4, 1e-4);
            Assert.InRange(fromBeast.Position!.Value.Longitude - fromSbs.Position!.Value.Longitude, -1e-4, 1e-4);
            Assert.Equal(PositionSource.Adsb, fromBeast.Position!.Value.Source);
            Assert.InRange(fromBeast.BarometricAltitudeFeet!.Value.Value - fromSbs.BarometricAltitudeFeet!.Value.Value, -13, 13); // 25-ft steps
            Assert.InRange(fromBeast.GroundSpeedKnots!.Value.Value - fromSbs.GroundSpeedKnots!.Value.Value, -1, 1); // 1-kt components
            Assert.InRange(AngleDifference(fromBeast.TrackDegrees!.Value.Value, fromSbs.TrackDegrees!.Value.Value), -1, 1);
            Assert.InRange(fromBeast.VerticalRateFeetPerMinute!.Value.Value - fromSbs.VerticalRateFeetPerMinute!.Value.Value, -32, 32); // 64-fpm steps
            Assert.Equal(fromSbs.Callsign!.Value.Value, fromBeast.Callsign!.Value.Value);
            Assert.Equal(fromSbs.Squawk?.Value, fromBeast.Squawk?.Value);
            Assert.Equal(fromSbs.OnGround?.Value, fromBeast.OnGround?.Value);
            Assert.Equal(fromSbs.Identity?.Country, fromBeast.Identity?.Country);
            Assert.Equal(fromSbs.ToSnapshot().Military, fromBeast.ToSnapshot().Military);
        }

        var recon = (await WaitForState(beastServer, beastClient, Recon, s => s.Position is not null)).ToSnapshot();
        Assert.True(recon.Military);
        Assert.Equal("United States", recon.Country);
    }

    [Fact]
    public async Task The_simulator_speaking_beast_runs_the_whole_decode_path_with_the_reconnaissance_identity()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Feeds:simulator:Type"] = "Simulator",
            ["LiveTrack:Feeds:simulator:Output"] = "Beast",
            ["LiveTrack:Feeds:simulator:Aircraft"] = "5",
            ["LiveTrack:Feeds:simulator:Interval"] = "00:00:00.200",
            ["LiveTrack:Identity:Databases:0"] = "aircraft/demo.csv",
        });
        await using var client = await server.ConnectClient();
        await client.SubscribeAircraft(Recon);

        var recon = await client.WaitForAircraft(Recon, a => a.HasPosition && a.Callsign == "JAKE21" && a.Squawk == GulfOfCaliforniaScenario.Squawk);

        Assert.InRange(LiveTrack.Geo.Geodesy.DistanceNauticalMiles(GulfOfCaliforniaScenario.OrbitCentre, new LiveTrack.Geo.GeoPoint(recon.Latitude!.Value, recon.Longitude!.Value)), 0, 60);
        Assert.Equal(GulfOfCaliforniaScenario.AltitudeFeet, recon.BarometricAltitudeFeet);
        Assert.Equal("R135", recon.TypeCode);
        Assert.True(recon.Military);
        var status = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "simulator");
        Assert.True(status.ModeS!.CprGlobal > 0);
        Assert.Equal(0, status.ModeS.CrcErrors);
    }

    private static double AngleDifference(double a, double b) => ((a - b + 540) % 360) - 180;

    /// <summary>
    /// The grain's state once it satisfies <paramref name="done"/>, re-read each time the hub sends
    /// <paramref name="client"/> a frame with the aircraft (a grain sends one after every report it merges).
    /// </summary>
    private static async Task<AircraftState> WaitForState(LiveTrackTestServer server, TrackingTestClient client, string icao, Func<AircraftState, bool> done)
    {
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        AircraftState? last = null;
        try
        {
            while (true)
            {
                last = await grains.GetGrain<IAircraftGrain>(icao).GetState();
                if (last is not null && done(last))
                {
                    return last;
                }

                await client.NextFrame(f => f.Aircraft.Any(a => a.Icao == icao), cts.Token);
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Aircraft {icao} did not reach the expected state; last: {last}");
        }
    }

    /// <summary>Writes the bytes over one real TCP connection in uneven pieces, so frames straddle reads.</summary>
    private static async Task PushInPieces(IPEndPoint endpoint, byte[] bytes)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(endpoint);
        await using var stream = client.GetStream();
        var random = new Random(30005);
        for (var offset = 0; offset < bytes.Length;)
        {
            var length = Math.Min(bytes.Length - offset, random.Next(1, 700));
            await stream.WriteAsync(bytes.AsMemory(offset, length));
            await stream.FlushAsync();
            offset += length;
        }
    }

    /// <summary>A Beast byte stream built from encoded messages, as a readsb feeder sends it.</summary>
    private sealed class BeastStream
    {
        private readonly byte[] message = new byte[14];
        private readonly byte[] frame = new byte[64];
        private long timestamp = 0x1a1a00;

        public List<byte> Buffer { get; } = [];

        public byte[] Bytes => [.. Buffer];

        public void Identification(int address, string callsign, string category) =>
            Add(ModeSEncoder.Identification(message, address, callsign, category));

        public void Pair(int address, double lat, double lon, int altitude, bool mlat = false)
        {
            Add(ModeSEncoder.AirbornePosition(message, address, lat, lon, altitude, odd: false), mlat);
            Add(ModeSEncoder.AirbornePosition(message, address, lat, lon, altitude, odd: true), mlat);
        }

        public void Velocity(int address, double speed, double track, int rate) => Add(ModeSEncoder.Velocity(message, address, speed, track, rate));

        public void Garbage(byte[] bytes) => Buffer.AddRange(bytes);

        public void CorruptFrame(int address)
        {
            var length = ModeSEncoder.Identification(message, address, "BAD");
            message[7] ^= 0x10;
            Buffer.AddRange(frame.AsSpan(0, ModeSEncoder.BeastFrame(frame, message.AsSpan(0, length), timestamp, 0x40)));
        }

        private void Add(int length, bool mlat = false)
        {
            timestamp += 6_000_000;
            Buffer.AddRange(frame.AsSpan(0, ModeSEncoder.BeastFrame(frame, message.AsSpan(0, length), mlat ? BeastFramer.MlatTimestamp : timestamp, 0x80)));
        }
    }
}
