using System.Globalization;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using LiveTrack.Adsb;
using LiveTrack.Import;

namespace LiveTrack.Benchmarks;

/// <summary>
/// <see cref="ImportRunner"/> end to end over files on disk, per record: read, decompress, detect, parse, map to
/// <see cref="AircraftReport"/>s and hand 4096-report batches to a sink that drops them. The target is 200,000
/// records/s for SBS logs and trace files.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    /// <summary>Records per invocation: SBS lines, or trace points (5 traces of 40,000 points, a busy day each).</summary>
    public const int Records = 200_000;

    private const int TraceFiles = 5;
    private const int PointsPerTrace = Records / TraceFiles;

    private readonly ImportRunner runner = new(new ImportOptions { Feed = "bench-import" });
    private string folder = null!;
    private string sbsLog = null!;
    private string gzipTraces = null!;
    private string plainTraces = null!;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("livetrack-import-bench-").FullName;

        // SBS: the simulator's steady mix, as readsb writes it (CRLF, UTC date/time on every line).
        sbsLog = Path.Combine(folder, "feed.sbs");
        using (var file = File.Create(sbsLog))
        {
            var line = new byte[256];
            foreach (var message in Traffic.SteadyMessages(LineMix.Mixed, Records))
            {
                if (!SbsFormatter.TryFormat(message, line, out var written))
                {
                    throw new InvalidOperationException("A generated SBS line is longer than 256 bytes.");
                }

                file.Write(line, 0, written);
                file.Write("\r\n"u8);
            }
        }

        // Traces: readsb's row layout, a details object every 10th point, gzip at readsb's history level (9).
        gzipTraces = Directory.CreateDirectory(Path.Combine(folder, "gzip")).FullName;
        plainTraces = Directory.CreateDirectory(Path.Combine(folder, "plain")).FullName;
        for (var t = 0; t < TraceFiles; t++)
        {
            var icao = string.Create(CultureInfo.InvariantCulture, $"ae01{t:x2}");
            var json = Encoding.UTF8.GetBytes(Trace(icao, t));
            File.WriteAllBytes(Path.Combine(plainTraces, $"trace_full_{icao}.json"), json);
            using var gzip = new GZipStream(File.Create(Path.Combine(gzipTraces, $"trace_full_{icao}.json")), CompressionLevel.SmallestSize);
            gzip.Write(json);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// SBS {new FileInfo(sbsLog).Length:N0} bytes; traces {Size(plainTraces):N0} bytes plain, {Size(gzipTraces):N0} gzip"));
    }

    /// <summary>The generated SBS log (for <c>--import-store</c>).</summary>
    internal string SbsLogPath => sbsLog;

    /// <summary>The folder of gzip trace files (for <c>--import-store</c>).</summary>
    internal string GzipTracesPath => gzipTraces;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark(OperationsPerInvoke = Records)]
    public Task<long> SbsLog() => Run(sbsLog);

    [Benchmark(OperationsPerInvoke = Records)]
    public Task<long> TraceGzip() => Run(gzipTraces);

    [Benchmark(OperationsPerInvoke = Records)]
    public Task<long> TracePlain() => Run(plainTraces);

    private async Task<long> Run(string path)
    {
        var summary = await runner.RunAsync(path, new DroppingSink());
        if (summary.RecordsAccepted != Records)
        {
            throw new InvalidOperationException($"{path}: {summary.RecordsAccepted} records accepted, expected {Records}.");
        }

        return summary.ReportsWritten;
    }

    private static string Trace(string icao, int seed)
    {
        var json = new StringBuilder(PointsPerTrace * 110);
        json.Append(CultureInfo.InvariantCulture, $"{{\"icao\":\"{icao}\",\n\"r\":\"N{seed}23AB\",\n\"t\":\"B738\",\n\"dbFlags\":0,\n\"timestamp\": 1732363200.123,\n\"trace\":[ ");
        for (var i = 0; i < PointsPerTrace; i++)
        {
            var details = i % 10 == 0
                ? """{"type":"adsb_icao","flight":"SWA1234 ","alt_geom":31550,"ias":280,"tas":450,"mach":0.78,"track":135.20,"baro_rate":-64,"squawk":"1234","category":"A3","nav_qnh":1013.6,"nav_altitude_mcp":31000,"nic":8,"rc":186,"version":2,"nic_baro":1,"nac_p":9,"nac_v":1,"sil":3,"sil_type":"perhour","gva":2,"sda":2,"alert":0,"spi":0}"""
                : "null";
            json.Append(CultureInfo.InvariantCulture, $"\n[{i * 2.1m:0.00},{27 + (i * 1e-4):F6},{-111.5 + (i * 1e-4):F6},{31000 + (i % 200)},{420 + (i % 7) * 0.1:F1},{135 + (i % 9) * 0.1:F1},0,{-64 + (i % 5) * 16},{details},\"adsb_icao\",{31550 + (i % 200)},null,280,null],");
        }

        json.Length--;
        json.Append(" ]\n }\n");
        return json.ToString();
    }

    private static long Size(string directory) => Directory.EnumerateFiles(directory).Sum(f => new FileInfo(f).Length);

    private sealed class DroppingSink : IImportSink
    {
        public ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
