using System.Buffers;
using LiveTrack.Adsb;
using LiveTrack.Ingestion;
using LiveTrack.Simulation;

namespace LiveTrack.Benchmarks;

/// <summary>Which SBS lines a benchmark works on.</summary>
public enum LineMix
{
    /// <summary>What the simulator (like readsb) writes in steady state: MSG,3 and MSG,4 per aircraft and second,
    /// MSG,1 about every 10 s, MSG,6 about every 30 s.</summary>
    Mixed,

    /// <summary>Only MSG,3 (airborne position) lines — the unit of the "position reports per second" target.</summary>
    PositionsOnly,
}

/// <summary>
/// Benchmark inputs produced by the project's own code: <see cref="TrafficSimulator"/> messages, written as SBS-1 lines
/// by <see cref="SbsFormatter"/>, read back by <see cref="SbsParser"/> and mapped by <see cref="SbsReports"/>.
/// </summary>
internal static class Traffic
{
    /// <summary>Civil aircraft simulated for the throughput benchmarks (the Gulf of California orbit is added).</summary>
    public const int AircraftCount = 3_000;

    /// <summary>Lines, messages or reports processed per benchmark invocation (the OperationsPerInvoke).</summary>
    public const int Count = 100_000;

    /// <summary>
    /// Reports merged per invocation of the merge benchmark, which runs one invocation per iteration: enough for an
    /// iteration to last well over 100 ms (45 s of steady traffic in the mixed case, 100 s positions only).
    /// </summary>
    public const int MergeCount = 300_000;

    /// <summary>Name of the feed the reports come from.</summary>
    public const string Feed = "bench";

    /// <summary>Simulated start: a fixed instant, so every run sees the same traffic.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Messages of successive one-second ticks, starting with tick <paramref name="firstTick"/> (tick 0 carries the
    /// start-up burst of MSG,1 for every aircraft; later ticks are the steady-state mix).
    /// </summary>
    public static IEnumerable<SbsMessage> Ticks(TrafficSimulator simulator, int firstTick)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var tick = new List<SbsMessage>();
        for (var t = 0; ; t++)
        {
            tick.Clear();
            simulator.Advance(Start.AddSeconds(t), tick);
            if (t < firstTick)
            {
                continue;
            }

            foreach (var message in tick)
            {
                yield return message;
            }
        }
    }

    public static TrafficSimulator NewSimulator(int aircraftCount = AircraftCount, bool includeScenario = true) =>
        new(new SimulationOptions { AircraftCount = aircraftCount, IncludeGulfOfCaliforniaScenario = includeScenario }, Start);

    /// <summary>Exactly <paramref name="count"/> steady-state messages (from tick 1 on) of the given mix, as generated.</summary>
    public static SbsMessage[] SteadyMessages(LineMix mix, int count = Count) =>
        [.. Ticks(NewSimulator(), firstTick: 1)
            .Where(m => mix == LineMix.Mixed || m.Type == SbsTransmissionType.AirbornePosition)
            .Take(count)];

    /// <summary>The messages as SBS-1 lines, the way they arrive on a socket.</summary>
    public static SbsLines ToLines(IEnumerable<SbsMessage> messages) => SbsLines.Create(messages);

    /// <summary>The lines parsed back: rounded values, interned ICAO and squawk strings, callsigns as the parser allocates them.</summary>
    public static SbsMessage[] Parse(SbsLines lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parsed = new SbsMessage[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (SbsParser.TryParse(lines[i], out parsed[i], out var error) != SbsParseStatus.Message)
            {
                throw new InvalidOperationException($"Generated line {i} did not parse: {error}");
            }
        }

        return parsed;
    }

    /// <summary>Reports as the feed ingestor publishes them: feed timestamps, received when generated.</summary>
    public static AircraftReport ToReport(in SbsMessage message) =>
        SbsReports.ToReport(message, Feed, message.GeneratedAt ?? Start);

    public static void EnsureCount(int actual, string what, int expected = Count)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"Expected {expected} {what}, got {actual}: OperationsPerInvoke would be wrong.");
        }
    }
}

/// <summary>
/// SBS-1 lines in one contiguous buffer, each terminated by CRLF as readsb writes them. The indexer returns a line
/// up to but excluding its LF — the slice the feed ingestor hands to the parser.
/// </summary>
internal sealed class SbsLines
{
    private readonly byte[] buffer;
    private readonly int[] starts;

    private SbsLines(byte[] buffer, int[] starts)
    {
        this.buffer = buffer;
        this.starts = starts;
    }

    public int Count => starts.Length - 1;

    /// <summary>Total bytes, terminators included.</summary>
    public int Length => buffer.Length;

    public ReadOnlySpan<byte> this[int index] => buffer.AsSpan(starts[index], starts[index + 1] - starts[index] - 1);

    public static SbsLines Create(IEnumerable<SbsMessage> messages)
    {
        var writer = new ArrayBufferWriter<byte>(1 << 20);
        var starts = new List<int> { 0 };
        foreach (var message in messages)
        {
            if (!SbsFormatter.TryFormat(message, writer.GetSpan(256), out var written))
            {
                throw new InvalidOperationException("A generated SBS line is longer than 256 bytes.");
            }

            writer.Advance(written);
            writer.Write("\r\n"u8);
            starts.Add(writer.WrittenCount);
        }

        return new SbsLines(writer.WrittenSpan.ToArray(), [.. starts]);
    }
}
