using System.Text;
using System.Text.Json;
using static LiveTrack.Alerting.Tests.TestData;

namespace LiveTrack.Alerting.Tests;

public class AlertJsonTests
{
    [Fact]
    public void An_alert_is_written_in_camel_case_with_enum_names()
    {
        var rules = RuleSet.Create([Rule("enters", OnFence(Fence))]);
        var alert = Assert.Single(new RuleEngine().OnGeofenceEvent(Entered(T0, 7), FenceTags, rules, T0));

        var json = Encoding.UTF8.GetString(AlertJson.SerializeToUtf8Bytes(alert));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("enters-ae01c5-7", root.GetProperty("id").GetString());
        Assert.Equal("enters", root.GetProperty("ruleId").GetString());
        Assert.Equal("Geofence", root.GetProperty("trigger").GetString());
        Assert.Equal("Entered", root.GetProperty("events")[0].GetProperty("kind").GetString());
        Assert.Equal("Crossed", root.GetProperty("events")[0].GetProperty("reason").GetString());
        Assert.Equal("Adsb", root.GetProperty("aircraft").GetProperty("positionSource").GetString());
        Assert.Equal(T0, root.GetProperty("at").GetDateTimeOffset());
        Assert.False(root.GetProperty("aircraft").TryGetProperty("hasPosition", out _));
    }

    [Fact]
    public void A_written_alert_reads_back()
    {
        var rules = RuleSet.Create([Rule("mayday", Squawk(TimeSpan.Zero, "7700"))]);
        var alert = Assert.Single(new RuleEngine().OnSignal(Signal(T0, 3, "7700"), rules, T0));

        var read = AlertJson.Deserialize(AlertJson.SerializeToUtf8Bytes(alert))!;

        Assert.Equal((alert.Id, alert.Trigger, alert.At, alert.Squawk, alert.Summary), (read.Id, read.Trigger, read.At, read.Squawk, read.Summary));
        Assert.NotNull(read.Aircraft);
        Assert.Equal(alert.Aircraft!.Tags, read.Aircraft.Tags);
        Assert.Equal(alert.Aircraft, read.Aircraft with { Geofences = alert.Aircraft.Geofences, Tags = alert.Aircraft.Tags });
    }
}
