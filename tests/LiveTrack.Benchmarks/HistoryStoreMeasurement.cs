using System.Diagnostics;
using System.Globalization;
using LiveTrack.Geo;
using LiveTrack.History;
using LiveTrack.History.DuckDb;
using LiveTrack.History.PostgreSql;
using LiveTrack.TestSupport;

namespace LiveTrack.Benchmarks;

/// <summary>
/// The <c>--history-store</c> mode: LiveTrack's own history stores filled through their <see cref="IHistoryStore.WriteAsync"/>
/// in batches of 10,000 (as the writer does), then queried. Usage: <c>--history-store [rows] [duckdb|postgresql|both]</c>
/// (default 50,000,000 rows, DuckDB only). The rows are 7 days of 10,000 aircraft in time order; one aircraft
/// (ae01c5) has 40,000 positions on day 4. Reported: write rows/s, the 24-hour track of ae01c5 and a one-hour 1°×1°
/// area query, each the median of 7 runs, and the verdict over that track (against a 60 nm circle its orbit crosses):
/// the engine alone and read + decide. PostgreSQL runs on a server started like the tests start it.
/// </summary>
internal static class HistoryStoreMeasurement
{
    public const string Switch = "--history-store";

    private const int BatchSize = 10_000;
    private const int Aircraft = 10_000;
    private const int Days = 7;
    private const int TargetPositions = 40_000;
    private const int Runs = 7;
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var index = Array.IndexOf(args, Switch);
        var rows = index + 1 < args.Length && long.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 50_000_000;
        var which = index + 2 < args.Length ? args[index + 2].ToUpperInvariant() : "DUCKDB";
        output.WriteLine($"{rows:N0} positions over {Days} days, {Aircraft:N0} aircraft + ae01c5 with {TargetPositions:N0} on day 4; batches of {BatchSize:N0}");
        output.WriteLine("| store | write rows/s | 24 h track of ae01c5 (median of 7) | positions | 1 h, 1°×1° area (median of 7) | positions | verdict (engine) | verdict (read + decide) | size on disk |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        if (which is "DUCKDB" or "BOTH")
        {
            var directory = Directory.CreateTempSubdirectory("livetrack-history-measure-").FullName;
            try
            {
                var file = Path.Combine(directory, "history.duckdb");
                await using (var store = new DuckDbHistoryStore(file))
                {
                    await Measure(store, rows, output, () => new FileInfo(file).Length);
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        if (which is "POSTGRESQL" or "BOTH")
        {
            await using var server = await PostgresServer.StartAsync();
            var connectionString = await server.CreateDatabaseAsync("measure");
            await using var store = new PostgreSqlHistoryStore(connectionString);
            await Measure(store, rows, output, () => DirectorySize(Path.Combine(server.Directory, "data")));

            // Closed days once autovacuum has visited them: the visibility map lets the track be an index-only scan.
            await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var vacuum = new Npgsql.NpgsqlCommand("VACUUM (ANALYZE) history_positions", connection) { CommandTimeout = 0 };
                await vacuum.ExecuteNonQueryAsync();
            }

            var day = Start.AddDays(3);
            var window = new HistoryWindow(day, day.AddDays(1));
            var (trackMs, track) = await Median(async () => (await store.GetTrackAsync("ae01c5", window, 1_000_000)).Count);
            var (endToEndMs, _) = await Median(async () => VerdictMeasurement.Decide(await store.GetTrackAsync("ae01c5", window, 1_000_000), day, day.AddDays(1)).Crossings.Count);
            output.WriteLine($"| PostgreSql after VACUUM | | {trackMs:N1} ms | {track:N0} | | | | {endToEndMs:N1} ms | |");
        }

        return 0;
    }

    private static async Task Measure(IHistoryStore store, long rows, TextWriter output, Func<long> size)
    {
        await store.InitializeAsync();
        var clock = Stopwatch.StartNew();
        var written = 0L;
        foreach (var batch in Batches(rows))
        {
            await store.WriteAsync(batch);
            written += batch.Count;
        }

        var rate = written / clock.Elapsed.TotalSeconds;
        var day = Start.AddDays(3);
        var (trackMs, track) = await Median(async () => (await store.GetTrackAsync("ae01c5", new HistoryWindow(day, day.AddDays(1)), 1_000_000)).Count);
        var area = new BoundingBox(-110, 25, -109, 26);
        var (areaMs, inArea) = await Median(async () => await store.ReadAreaAsync(area, new HistoryWindow(day.AddHours(12), day.AddHours(13))).CountAsync());
        var window = new HistoryWindow(day, day.AddDays(1));
        var positions = await store.GetTrackAsync("ae01c5", window, 1_000_000);
        var (verdictMs, crossings) = await Median(() => Task.FromResult(VerdictMeasurement.Decide(positions, day, day.AddDays(1)).Crossings.Count));
        var (endToEndMs, _) = await Median(async () => VerdictMeasurement.Decide(await store.GetTrackAsync("ae01c5", window, 1_000_000), day, day.AddDays(1)).Crossings.Count);
        output.WriteLine($"| {store.Engine} | {rate:N0} | {trackMs:N1} ms | {track:N0} | {areaMs:N1} ms | {inArea:N0} | {verdictMs:N1} ms ({crossings} crossings) | {endToEndMs:N1} ms | {size() / 1e6:N0} MB |");
    }

    private static async Task<(double Ms, int Count)> Median(Func<Task<int>> query)
    {
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            count = await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[Runs / 2], count);
    }

    /// <summary>Positions in time order; every aircraft flies a slow random walk over Mexico and the Gulf.</summary>
    private static IEnumerable<HistoryBatch> Batches(long rows)
    {
        var random = new Random(12);
        var perDay = rows / Days;
        var step = TimeSpan.FromDays(1).Ticks / perDay;
        var targetEvery = Math.Max(1, perDay / TargetPositions);
        var icaos = Enumerable.Range(0, Aircraft).Select(i => (0x400000 + i).ToString("x6", CultureInfo.InvariantCulture)).ToArray();
        var batch = new List<PositionRecord>(BatchSize);
        for (long i = 0; i < perDay * Days; i++)
        {
            var dayOfRow = i / perDay;
            var target = dayOfRow == 3 && (i % perDay) % targetEvery == 0 && (i % perDay) / targetEvery < TargetPositions;
            var at = Start.AddTicks(i * step);
            var (lat, lon) = target ? VerdictMeasurement.Orbit(at) : (15 + (random.NextDouble() * 17), -118 + (random.NextDouble() * 30));
            batch.Add(new PositionRecord
            {
                Icao = target ? "ae01c5" : icaos[i % Aircraft],
                At = at,
                Latitude = lat,
                Longitude = lon,
                BarometricAltitudeFeet = 30_000 + random.Next(1000),
                GroundSpeedKnots = 420,
                TrackDegrees = random.NextDouble() * 360,
                Source = PositionSource.Adsb,
                Feed = "push",
                Nic = 8,
                NacP = 9,
            });
            if (batch.Count == BatchSize)
            {
                yield return new HistoryBatch(batch, [], []);
                batch = new List<PositionRecord>(BatchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return new HistoryBatch(batch, [], []);
        }
    }

    private static long DirectorySize(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
