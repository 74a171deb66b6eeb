using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LiveTrack.Adsb;
using LiveTrack.Geo;

namespace LiveTrack.LoadGenerator;

/// <summary>
/// Pushes MSG,3 position reports (or, with <c>--format beast</c>, DF17 airborne positions alternating even and odd
/// CPR, as Beast frames) for simulated aircraft over TCP at a target total rate, in 10 ms slices. TCP backpressure
/// from the server slows it down; what it manages to write is the offered load.
/// </summary>
internal static class SbsPusher
{
    public static async Task<long> Run(int port, LoadOptions options, TimeSpan duration)
    {
        var perConnection = Enumerable.Range(0, options.Connections)
            .Select(c => Push(port, c, options, duration))
            .ToArray();
        return (await Task.WhenAll(perConnection)).Sum();
    }

    private static async Task<long> Push(int port, int connectionIndex, LoadOptions options, TimeSpan duration)
    {
        var random = new Random(connectionIndex + 100);
        var count = options.Aircraft / options.Connections;
        var fleet = new Flight[count];
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var address = 0x100000 + (connectionIndex * 0x100000) + i;
            var (west, south, east, north) = LoadOptions.PackedArea;
            fleet[i] = new Flight(
                address.ToString("x6", System.Globalization.CultureInfo.InvariantCulture),
                options.Packed
                    ? new GeoPoint(south + (random.NextDouble() * (north - south)), west + (random.NextDouble() * (east - west)))
                    : new GeoPoint(-60 + (random.NextDouble() * 120), -180 + (random.NextDouble() * 360)),
                random.NextDouble() * 360,
                start);
        }

        using var client = new TcpClient { NoDelay = false, SendBufferSize = 1 << 20 };
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        var ratePerConnection = (double)options.Rate / options.Connections;
        var buffer = new byte[1 << 20];
        var frame = new byte[14];
        long sent = 0;
        var next = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * ratePerConnection);
            var used = 0;
            while (sent < due && used < buffer.Length - 256)
            {
                // Each report is stamped with its scheduled time, so one aircraft's reports never share a timestamp
                // even when the sender catches up after TCP backpressure.
                var now = start + TimeSpan.FromSeconds(sent / ratePerConnection);
                ref var flight = ref fleet[next];
                next = (next + 1) % fleet.Length;
                var hours = (now - flight.At).TotalHours;
                if (options.Packed)
                {
                    // A random walk that stays in the packed area: turn a little every report, back when outside.
                    var (west, south, east, north) = LoadOptions.PackedArea;
                    var p = flight.Position;
                    var outside = p.Latitude < south || p.Latitude > north || p.Longitude < west || p.Longitude > east;
                    flight.Track = outside
                        ? Geodesy.InitialBearingDegrees(p, new GeoPoint((south + north) / 2, (west + east) / 2))
                        : (flight.Track + (random.NextDouble() * 60) - 30 + 360) % 360;
                }

                flight.Position = Geodesy.Destination(flight.Position, flight.Track, 450 * hours);
                flight.At = now;
                if (options.Beast)
                {
                    flight.Odd = !flight.Odd;
                    var address = int.Parse(flight.Icao, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
                    LiveTrack.ModeS.ModeSEncoder.AirbornePosition(frame, address, flight.Position.Latitude, flight.Position.Longitude, 35000, flight.Odd);
                    used += LiveTrack.ModeS.ModeSEncoder.BeastFrame(buffer.AsSpan(used), frame, (now - start).Ticks * 12 / 10, 0xC0);
                    sent++;
                    continue;
                }

                var message = new SbsMessage(SbsTransmissionType.AirbornePosition, flight.Icao, false, now, now, null, 35000, null, null,
                    Math.Round(flight.Position.Latitude, 5), Math.Round(flight.Position.Longitude, 5), null, null, false, false, false, false);
                if (!SbsFormatter.TryFormat(message, buffer.AsSpan(used), out var written))
                {
                    break;
                }

                used += written;
                buffer[used++] = (byte)'\n';
                sent++;
            }

            if (used > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, used));
            }
            else
            {
                await Task.Delay(10);
            }
        }

        return sent;
    }

    private struct Flight(string icao, GeoPoint position, double track, DateTimeOffset at)
    {
        public string Icao = icao;
        public GeoPoint Position = position;
        public double Track = track;
        public DateTimeOffset At = at;
        public bool Odd;
    }
}
