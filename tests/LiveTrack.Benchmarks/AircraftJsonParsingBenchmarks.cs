using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LiveTrack.Adsb;

namespace LiveTrack.Benchmarks;

/// <summary>
/// <see cref="ReadsbJsonParser.TryParse"/> on a readsb <c>aircraft.json</c> document of N aircraft (positions and fields
/// of the simulator's flights, written the way readsb writes them), per aircraft entry — against a source-generated
/// System.Text.Json reader doing the same work (<see cref="SourceGeneratedReadsbReader"/>), the baseline.
/// </summary>
[MemoryDiagnoser]
public class AircraftJsonParsingBenchmarks
{
    private byte[] document = [];

    [Params(1_000, 25_000)]
    public int Aircraft { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var simulator = Traffic.NewSimulator(Aircraft, includeScenario: false);
        simulator.Advance(Traffic.Start, []);
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{ \"now\": {Traffic.Start.ToUnixTimeSeconds()}.5, \"messages\": 123456789, \"aircraft\": [");
        var first = true;
        foreach (var f in simulator.Flights)
        {
            json.Append(first ? "\n" : ",\n");
            first = false;
            json.Append(CultureInfo.InvariantCulture,
                $"{{\"hex\":\"{f.Icao}\",\"type\":\"adsb_icao\",\"flight\":\"{f.Callsign,-8}\",\"alt_baro\":{f.AltitudeFeet},\"alt_geom\":{f.AltitudeFeet + 300},\"gs\":{f.GroundSpeedKnots:0.0},\"track\":{f.TrackDegrees:0.00},\"baro_rate\":{f.VerticalRateFeetPerMinute},\"squawk\":\"{f.Squawk}\",\"emergency\":\"none\",\"category\":\"A3\",\"lat\":{f.Position.Latitude:0.000000},\"lon\":{f.Position.Longitude:0.000000},\"nic\":8,\"rc\":186,\"seen_pos\":0.4,\"version\":2,\"mlat\":[],\"tisb\":[],\"messages\":1234,\"seen\":0.1,\"rssi\":-21.5}}");
        }

        json.Append("\n] }");
        document = Encoding.UTF8.GetBytes(json.ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {Aircraft} aircraft, {document.Length} bytes ({(double)document.Length / Aircraft:F0} bytes per aircraft)"));
    }

    [Benchmark(Baseline = true)]
    public int SourceGenerated() => SourceGeneratedReadsbReader.Parse(document).Count;

    [Benchmark]
    public int TryParse() =>
        ReadsbJsonParser.TryParse(document, out var result, out _) ? result.Aircraft.Count : throw new InvalidOperationException("document rejected");
}
