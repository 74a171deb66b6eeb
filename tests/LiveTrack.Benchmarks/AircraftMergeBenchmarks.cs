using System.Globalization;
using BenchmarkDotNet.Attributes;
using LiveTrack.Grains;

namespace LiveTrack.Benchmarks;

/// <summary>
/// <see cref="AircraftTrack.Apply"/>, per report: the steady-state stream of partial reports (positions, velocities,
/// callsigns, squawks) of 3,001 aircraft, in feed order, each applied to its aircraft's track. The mixed stream
/// covers 45 s of traffic, the positions-only one 100 s.
/// </summary>
/// <remarks>
/// Apply changes the track, so replaying the same reports would only measure the stale path. Every iteration
/// therefore starts from fresh tracks that have merged tick 0 (every aircraft's first position, velocity, callsign);
/// that set-up runs outside the measurement (<see cref="IterationSetupAttribute"/>, hence one invocation per
/// iteration). Reports are those of the mapping benchmark: feed timestamps, <c>now</c> = time received.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
public class AircraftMergeBenchmarks
{
    private readonly TrackingOptions options = new();
    private string[] icaos = [];
    private AircraftReport[] initialReports = [];
    private int[] initialAircraft = [];
    private AircraftReport[] reports = [];
    private int[] reportAircraft = [];
    private AircraftTrack[] tracks = [];

    [Params(LineMix.Mixed, LineMix.PositionsOnly)]
    public LineMix Mix { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var simulator = Traffic.NewSimulator();
        icaos = [.. simulator.Flights.Select(f => f.Icao)];
        var index = icaos.Select((icao, i) => (icao, i)).ToDictionary(x => x.icao, x => x.i, StringComparer.Ordinal);

        var all = Traffic.Parse(Traffic.ToLines(Traffic.Ticks(simulator, firstTick: 0)
            .TakeWhile(m => m.GeneratedAt == Traffic.Start)))
            .Select(m => Traffic.ToReport(m))
            .ToArray();
        initialReports = all;
        initialAircraft = [.. all.Select(r => index[r.Icao])];

        // The simulator has already advanced past tick 0; continue from tick 1 with a new one on the same seed.
        var steady = Traffic.Parse(Traffic.ToLines(Traffic.SteadyMessages(Mix, Traffic.MergeCount)));
        reports = [.. steady.Select(m => Traffic.ToReport(m))];
        reportAircraft = [.. reports.Select(r => index[r.Icao])];
        Traffic.EnsureCount(reports.Length, "reports", Traffic.MergeCount);

        // One dry run, to show what the measured reports do to the state.
        NewTracks();
        var total = default(ReportOutcome);
        for (var i = 0; i < reports.Length; i++)
        {
            tracks[reportAircraft[i]].Apply(reports[i], reports[i].ReceivedAt, out var outcome);
            total += outcome;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {icaos.Length} aircraft, {initialReports.Length} initial reports, {reports.Length} measured reports " +
            $"({reports[0].Timestamp:HH:mm:ss}..{reports[^1].Timestamp:HH:mm:ss}): " +
            $"{total.Accepted} accepted, {total.Stale} stale, {total.Suspect} suspect"));
    }

    [IterationSetup]
    public void NewTracks()
    {
        tracks = new AircraftTrack[icaos.Length];
        for (var i = 0; i < icaos.Length; i++)
        {
            tracks[i] = new AircraftTrack(icaos[i], options);
        }

        for (var i = 0; i < initialReports.Length; i++)
        {
            tracks[initialAircraft[i]].Apply(initialReports[i], initialReports[i].ReceivedAt, out _);
        }
    }

    [Benchmark(OperationsPerInvoke = Traffic.MergeCount)]
    public int Apply()
    {
        var accepted = 0;
        for (var i = 0; i < reports.Length; i++)
        {
            var report = reports[i];
            tracks[reportAircraft[i]].Apply(report, report.ReceivedAt, out var outcome);
            accepted += outcome.Accepted;
        }

        return accepted;
    }
}
