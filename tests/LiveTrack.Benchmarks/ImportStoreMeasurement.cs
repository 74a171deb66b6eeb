using System.Diagnostics;
using LiveTrack.Grains;
using LiveTrack.History;
using LiveTrack.History.DuckDb;
using LiveTrack.Import;

namespace LiveTrack.Benchmarks;

/// <summary>
/// The <c>--import-store</c> mode: <see cref="ImportBenchmarks"/>' 200,000-record SBS log and gzip traces imported end
/// to end into a fresh embedded (DuckDB) store the way <c>POST /api/imports</c> writes them — read, judged and
/// evaluated against a fence by <see cref="ImportedTraffic"/>, written in batches of 20,000 reports with one write
/// outstanding (as the server's import sink does: reading, evaluating and writing overlap) — and, for comparison,
/// read only (a dropping sink). The server reads an upload twice (a checking pass, then the writing pass: see
/// <c>ImportService</c>), so its end-to-end rate is records ÷ (read-only time + writing-pass time). Each the median
/// of 5 runs, a new store per run.
/// </summary>
internal static class ImportStoreMeasurement
{
    public const string Switch = "--import-store";

    private const int Runs = 5;

    public static async Task<int> Run(TextWriter output)
    {
        var fixtures = new ImportBenchmarks();
        fixtures.Setup();
        try
        {
            output.WriteLine("| source | records | read only (records/s) | writing pass into DuckDB (records/s) | POST /api/imports: check + write (records/s) | evaluating (overlapped) | writing (overlapped) | positions | changes | events |");
            output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, path) in new[] { ("SBS log", fixtures.SbsLogPath), ("readsb traces, gzip", fixtures.GzipTracesPath) })
            {
                var read = Median(await Repeat(() => ReadOnly(path)));
                var stored = new List<(double Seconds, HistoryStoreInfo Info, long Records, double Evaluating, double Writing)>();
                for (var i = 0; i < Runs; i++)
                {
                    stored.Add(await IntoStore(path));
                }

                var median = stored.OrderBy(r => r.Seconds).ElementAt(Runs / 2);
                output.WriteLine($"| {name} | {median.Records:N0} | {ImportBenchmarks.Records / read:N0} | {median.Records / median.Seconds:N0} | {median.Records / (read + median.Seconds):N0} | {median.Evaluating:N2} s of {median.Seconds:N2} s | {median.Writing:N2} s | {median.Info.Positions:N0} | {median.Info.Changes:N0} | {median.Info.Events:N0} |");
            }
        }
        finally
        {
            fixtures.Cleanup();
        }

        return 0;
    }

    private static async Task<double> ReadOnly(string path)
    {
        var clock = Stopwatch.StartNew();
        await new ImportRunner(new ImportOptions { Feed = "bench-import", BatchSize = 20_000 }).RunAsync(path, new DroppingSink());
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<(double Seconds, HistoryStoreInfo Info, long Records, double Evaluating, double Writing)> IntoStore(string path)
    {
        var directory = Directory.CreateTempSubdirectory("livetrack-import-store-").FullName;
        try
        {
            await using var store = new DuckDbHistoryStore(Path.Combine(directory, "history.duckdb"));
            await store.InitializeAsync();
            var fences = Geofencing.GeofenceIndex.Create(Geofencing.GeofenceParser.Parse("""
                { "type": "Feature", "id": "bench-box", "properties": { "name": "Bench box" },
                  "geometry": { "type": "Polygon", "coordinates": [[[-111.4, 27.1], [-110, 27.1], [-110, 28], [-111.4, 28], [-111.4, 27.1]]] } }
                """).Fences);
            var traffic = new ImportedTraffic(new TrackingOptions(), _ => null, DateTimeOffset.UtcNow, null, signals: false);
            var sink = new StoreSink(traffic, fences, store);
            var clock = Stopwatch.StartNew();
            var summary = await new ImportRunner(new ImportOptions { Feed = "bench-import", BatchSize = 20_000 }).RunAsync(path, sink);
            await sink.FlushAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            return (seconds, await store.GetInfoAsync(), summary.RecordsRead, sink.Evaluating.TotalSeconds, sink.Writing.TotalSeconds);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<double>> Repeat(Func<Task<double>> run)
    {
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            times.Add(await run());
        }

        return times;
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    /// <summary>What the server's import sink does: <see cref="ImportedTrafficPipeline"/> writing each batch to the store.</summary>
    private sealed class StoreSink : IImportSink
    {
        private readonly ImportedTrafficPipeline pipeline;
        private long writingTicks;

        public StoreSink(ImportedTraffic traffic, Geofencing.GeofenceIndex fences, IHistoryStore store) =>
            pipeline = new ImportedTrafficPipeline(traffic, () => fences, async (batch, cancellationToken) =>
            {
                var started = Stopwatch.GetTimestamp();
                await store.WriteAsync(batch.History, cancellationToken);
                writingTicks += Stopwatch.GetTimestamp() - started;
            });

        public TimeSpan Evaluating => pipeline.EvaluatingTime;

        public TimeSpan Writing => Stopwatch.GetElapsedTime(0, writingTicks);

        public Task FlushAsync() => pipeline.FlushAsync();

        public ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken) =>
            pipeline.AddAsync(reports, cancellationToken);
    }

    private sealed class DroppingSink : IImportSink
    {
        public ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
