using BenchmarkDotNet.Attributes;
using LiveTrack.Adsb;
using LiveTrack.Ingestion;

namespace LiveTrack.Benchmarks;

/// <summary>
/// One SBS line to one <see cref="AircraftReport"/>: parse, then map — the CPU work the feed ingestor does per
/// line, without its status counters, the pipeline channel and the grain call.
/// </summary>
[MemoryDiagnoser]
public class LineToReportBenchmarks
{
    private SbsLines lines = null!;
    private DateTimeOffset receivedAt;

    [Params(LineMix.Mixed, LineMix.PositionsOnly)]
    public LineMix Mix { get; set; }

    /// <summary>The last report, kept so every report escapes to the heap as it does on its way into the pipeline.</summary>
    public AircraftReport? Last { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        lines = Traffic.ToLines(Traffic.SteadyMessages(Mix));
        Traffic.EnsureCount(lines.Count, "lines");
        receivedAt = Traffic.Start.AddHours(1);
    }

    [Benchmark(OperationsPerInvoke = Traffic.Count)]
    public int ParseAndMap()
    {
        var reports = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (SbsParser.TryParse(lines[i], out var message, out _) == SbsParseStatus.Message)
            {
                Last = SbsReports.ToReport(message, Traffic.Feed, receivedAt);
                reports++;
            }
        }

        return reports;
    }
}
