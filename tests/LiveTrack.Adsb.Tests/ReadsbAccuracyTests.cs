using System.Text;

namespace LiveTrack.Adsb.Tests;

/// <summary>readsb's position accuracy fields (nic, nac_p, rc) reach the report that carries the position.</summary>
public class ReadsbAccuracyTests
{
    private static SnapshotParseResult Parse(string json)
    {
        Assert.True(ReadsbJsonParser.TryParse(Encoding.UTF8.GetBytes(json), out var result, out var error), error);
        return result;
    }

    [Fact]
    public void Nic_nac_p_and_rc_are_read_with_the_position()
    {
        var a = Parse("""{ "now": 1764662400, "aircraft": [ { "hex": "ae01c5", "lat": 26.1, "lon": -110.9, "nic": 8, "nac_p": 10, "rc": 186, "seen_pos": 1 } ] }""").Aircraft[0];

        Assert.Equal(8, a.Nic);
        Assert.Equal(10, a.NacP);
        Assert.Equal(186, a.ContainmentRadiusMeters);
    }

    [Fact]
    public void Accuracy_without_a_position_is_dropped()
    {
        var a = Parse("""{ "now": 1764662400, "aircraft": [ { "hex": "ae01c5", "nic": 8, "nac_p": 10, "rc": 186 } ] }""").Aircraft[0];

        Assert.Null(a.Nic);
        Assert.Null(a.NacP);
        Assert.Null(a.ContainmentRadiusMeters);
    }

    [Theory]
    [InlineData("\"nic\": 12")]
    [InlineData("\"nac_p\": -1")]
    [InlineData("\"rc\": \"far\"")]
    public void An_accuracy_out_of_range_skips_the_entry(string field)
    {
        var result = Parse($$"""{ "now": 1764662400, "aircraft": [ { "hex": "ae01c5", "lat": 26.1, "lon": -110.9, {{field}} } ] }""");

        Assert.Empty(result.Aircraft);
        Assert.Equal(1, result.Malformed);
    }
}
