using BenchmarkDotNet.Attributes;
using LiveTrack.Adsb;
using LiveTrack.Ingestion;

namespace LiveTrack.Benchmarks;

/// <summary><see cref="SbsReports.ToReport"/>, per message (messages parsed from generated lines beforehand).</summary>
[MemoryDiagnoser]
public class ReportMappingBenchmarks
{
    private SbsMessage[] messages = [];
    private DateTimeOffset receivedAt;

    [Params(LineMix.Mixed, LineMix.PositionsOnly)]
    public LineMix Mix { get; set; }

    /// <summary>The last report, kept so every report escapes to the heap as it does on its way into the pipeline.</summary>
    public AircraftReport? Last { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        messages = Traffic.Parse(Traffic.ToLines(Traffic.SteadyMessages(Mix)));
        Traffic.EnsureCount(messages.Length, "messages");
        receivedAt = messages[^1].GeneratedAt ?? Traffic.Start;
    }

    [Benchmark(OperationsPerInvoke = Traffic.Count)]
    public AircraftReport? ToReport()
    {
        for (var i = 0; i < messages.Length; i++)
        {
            // As the feed ingestor publishes a parsed message with UseFeedTimestamps = true (the default).
            Last = SbsReports.ToReport(messages[i], Traffic.Feed, receivedAt);
        }

        return Last;
    }
}
