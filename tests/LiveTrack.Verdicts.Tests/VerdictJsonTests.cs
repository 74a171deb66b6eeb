using System.Text.Json;
using static LiveTrack.Verdicts.Tests.Scenario;

namespace LiveTrack.Verdicts.Tests;

public class VerdictJsonTests
{
    private static Verdict Sample()
    {
        var fence = Box(20, 10, 21, 11, "\"name\":\"Box\",\"dataset\":\"hand-drawn\",\"toleranceNm\":0.1");
        var lat = 10 - (3 / Sphere.NmPerDegree);
        var track = Enumerable.Range(0, 50).Select(k => At(2 * k, lat, 20.1 + (0.004 * k))).ToList();
        track.AddRange(Enumerable.Range(0, 10).Select(k => At(400 + (2 * k), lat, 20.6 + (0.004 * k), source: VerdictPositionSource.Mlat)));
        return Decide(fence, track);
    }

    [Fact]
    public void A_verdict_serialises_as_camel_case_json_with_kebab_case_enums()
    {
        var json = JsonSerializer.Serialize(Sample(), VerdictJsonContext.Default.Verdict);

        Assert.Contains("\"outcome\":\"undetermined\"", json, StringComparison.Ordinal);
        Assert.Contains("\"evidence\":\"gap-can-hide-entry\"", json, StringComparison.Ordinal);
        Assert.Contains("\"closestApproach\":{\"distanceNm\":", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"between-reports\"", json, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"mlat\"", json, StringComparison.Ordinal);
        Assert.Contains("\"uncertaintyBasis\":\"source-default\"", json, StringComparison.Ordinal);
        Assert.Contains("\"bySource\":{\"adsb\":50,\"mlat\":10}", json, StringComparison.Ordinal);
        Assert.Contains("\"dataset\":\"hand-drawn\"", json, StringComparison.Ordinal);
        Assert.Contains("\"defaultUncertaintyNm\":{", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(60, document.RootElement.GetProperty("evaluated").GetArrayLength());
    }

    [Fact]
    public void The_same_inputs_give_the_same_verdict_byte_for_byte()
    {
        var first = JsonSerializer.Serialize(Sample(), VerdictJsonContext.Default.Verdict);
        var second = JsonSerializer.Serialize(Sample(), VerdictJsonContext.Default.Verdict);

        Assert.Equal(first, second);
    }
}
