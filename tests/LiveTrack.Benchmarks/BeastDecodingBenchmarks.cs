using System.Globalization;
using BenchmarkDotNet.Attributes;
using LiveTrack.Ingestion;
using LiveTrack.ModeS;
using LiveTrack.Simulation;

namespace LiveTrack.Benchmarks;

/// <summary>
/// Beast decoding per frame: <see cref="BeastFramer"/> alone, framing plus <see cref="ModeSReceiver.Decode"/>
/// (parity, fields, address trust and CPR with its checks), and that plus <see cref="ModeSReports.ToReport"/> — to
/// compare with the SBS parser's per-line figures. The input is the simulator's steady traffic rendered by
/// <see cref="ModeSRenderer"/> (DF17 identification, even and odd airborne positions, velocity, DF5 squawks).
/// </summary>
[MemoryDiagnoser]
public class BeastDecodingBenchmarks
{
    private const long TicksPer12MHz = 12; // 1 tick = 100 ns = 1.2 counts; counts * 10 / 12 = ticks
    private byte[] stream = null!;
    private ModeSReceiver receiver = null!;
    private long passOffset;

    [GlobalSetup]
    public void Setup()
    {
        var renderer = new ModeSRenderer(Traffic.Start);
        var frames = new List<byte[]>(Traffic.Count);
        var buffer = new byte[ModeSRenderer.MaxBytesPerMessage];
        var framer = new BeastFramer();
        foreach (var message in Traffic.Ticks(Traffic.NewSimulator(), firstTick: 1))
        {
            ReadOnlySpan<byte> input = buffer.AsSpan(0, renderer.Render(message, buffer));
            var start = input.Length;
            while (framer.TryRead(ref input))
            {
                frames.Add(buffer[(start - input.Length - FrameLength(framer))..(start - input.Length)]);
            }

            if (frames.Count >= Traffic.Count)
            {
                break;
            }
        }

        stream = [.. frames.Take(Traffic.Count).SelectMany(f => f)];
        Traffic.EnsureCount(Math.Min(frames.Count, Traffic.Count), "frames");

        // Steady state: every aircraft already tracked, references never expiring between passes.
        receiver = new ModeSReceiver(new ModeSReceiverOptions { ReferenceLifetime = TimeSpan.FromDays(3650), AddressLifetime = TimeSpan.FromDays(3650) });
        var decoded = Decode();
        var c = receiver.Counters;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {Traffic.Count} frames, {stream.Length} bytes ({(double)stream.Length / Traffic.Count:F1} bytes per frame); first pass: {decoded} decoded, {c.CprGlobal} global and {c.CprLocal} local CPR fixes, {c.CprRejected} rejected, {c.CrcErrors} CRC errors"));
    }

    [Benchmark(OperationsPerInvoke = Traffic.Count)]
    public long Frame()
    {
        var framer = new BeastFramer();
        ReadOnlySpan<byte> input = stream;
        long sum = 0;
        while (framer.TryRead(ref input))
        {
            sum += framer.Message[0];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Traffic.Count)]
    public int FrameAndDecode() => Decode();

    [Benchmark(OperationsPerInvoke = Traffic.Count)]
    public int FrameDecodeAndMap()
    {
        var framer = new BeastFramer();
        ReadOnlySpan<byte> input = stream;
        var reports = 0;
        var now = Traffic.Start.AddHours(1 + passOffset++);
        while (framer.TryRead(ref input))
        {
            var at = now.AddTicks(framer.Timestamp * 10 / TicksPer12MHz);
            if (receiver.Decode(framer.Message, framer.IsMlat, at.UtcTicks, out var message) == ModeSDecodeStatus.Decoded
                && ModeSReports.ToReport(message, Traffic.Feed, at) is not null)
            {
                reports++;
            }
        }

        return reports;
    }

    private int Decode()
    {
        var framer = new BeastFramer();
        ReadOnlySpan<byte> input = stream;
        var decoded = 0;

        // Each pass is an hour later, so the replayed traffic is always reachable from the previous pass's fixes.
        var now = Traffic.Start.AddHours(1 + passOffset++).UtcTicks;
        while (framer.TryRead(ref input))
        {
            if (receiver.Decode(framer.Message, framer.IsMlat, now + (framer.Timestamp * 10 / TicksPer12MHz), out _) == ModeSDecodeStatus.Decoded)
            {
                decoded++;
            }
        }

        return decoded;
    }

    private static int FrameLength(BeastFramer framer)
    {
        // The encoded length of the frame just read: sync, type, then header and message with doubled escapes.
        var n = 2;
        var header = new byte[7];
        for (var i = 0; i < 6; i++)
        {
            header[i] = (byte)(framer.Timestamp >> (40 - (8 * i)));
        }

        header[6] = framer.Signal;
        foreach (var b in header.Concat(framer.Message.ToArray()))
        {
            n += b == 0x1a ? 2 : 1;
        }

        return n;
    }
}
