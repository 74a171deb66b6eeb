using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LiveTrack.Alerting;
using LiveTrack.Geofencing;

namespace LiveTrack.Benchmarks;

/// <summary>
/// Reading rule and fence documents as the API and the stores do (<see cref="AlertRuleParser"/>,
/// <see cref="GeofenceParser"/>): a full rule, a fence at the 10,000-vertex limit, a collection of 100 small fences.
/// Uses only the parsers' public entry points, so the same file measures any version of them.
/// </summary>
[MemoryDiagnoser]
public class DocumentParsingBenchmarks
{
    private const string Rule = """
        {
          "id": "recon-enters-12nm", "name": "Reconnaissance aircraft enters the 12 nm zone", "enabled": true,
          "trigger": { "kind": "geofence", "fenceId": "mx-territorial-sea", "events": ["entered"], "dwellMinutes": 20 },
          "filter": { "icao": ["ae01c5", "ae0000-afffff", "~1a2b3c"], "callsign": "^JAKE\\d+$", "registrations": ["N12345"],
            "typeCodes": ["R135"], "military": true, "altitudeFeet": { "min": 0, "max": 10000 }, "speedKnots": { "min": 100 },
            "sources": ["Adsb", "Mlat"], "excludeSources": ["Mlat"] },
          "cooldownSeconds": 600,
          "webhooks": [ { "url": "https://hooks.example.com/hook", "secret": "at-least-16-chars-long" } ]
        }
        """;

    private static readonly RuleValidationContext Context = new(_ => true, new WebhookAllowList(["hooks.example.com"]));

    private string largeFence = "";
    private string collection = "";

    [GlobalSetup]
    public void Setup()
    {
        largeFence = Feature("big", Ring(GeofenceParser.MaxVertices, 0, 0, 5));
        collection = "{\"type\":\"FeatureCollection\",\"features\":["
            + string.Join(",", Enumerable.Range(0, 100).Select(i => Feature("f" + i.ToString(CultureInfo.InvariantCulture), Ring(5, i % 10 * 2, i / 10 * 2, 0.5))))
            + "]}";
    }

    /// <summary>
    /// Fixed work to compare runs on a loaded machine by: tokenizing the 10,000-vertex fence (no parser involved).
    /// </summary>
    [Benchmark(Baseline = true)]
    public int Reference()
    {
        using var document = System.Text.Json.JsonDocument.Parse(largeFence);
        return document.RootElement.GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength();
    }

    [Benchmark]
    public bool RuleDocument() => AlertRuleParser.Parse(Rule, Context).IsValid;

    [Benchmark]
    public int FenceOf10000Vertices() => GeofenceParser.Parse(largeFence).Fences.Count;

    [Benchmark]
    public int CollectionOf100Fences() => GeofenceParser.Parse(collection).Fences.Count;

    private static string Feature(string id, string ring) =>
        "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"properties\":{\"name\":\"Fence " + id + "\",\"tags\":[\"bench\"]},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";

    /// <summary>A closed ring of <paramref name="positions"/> positions on a circle.</summary>
    private static string Ring(int positions, double lon, double lat, double radius)
    {
        var text = new StringBuilder("[");
        var n = positions - 1;
        for (var i = 0; i <= n; i++)
        {
            var angle = 2 * Math.PI * (i % n) / n;
            text.Append(i > 0 ? "," : "").Append(CultureInfo.InvariantCulture,
                $"[{Math.Round(lon + radius * Math.Cos(angle), 6).ToString("R", CultureInfo.InvariantCulture)},{Math.Round(lat + radius * Math.Sin(angle), 6).ToString("R", CultureInfo.InvariantCulture)}]");
        }

        return text.Append(']').ToString();
    }
}
