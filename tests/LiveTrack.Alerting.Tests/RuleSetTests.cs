using static LiveTrack.Alerting.Tests.TestData;

namespace LiveTrack.Alerting.Tests;

public class RuleSetTests
{
    private static readonly RuleSet Rules = RuleSet.Create(
    [
        Rule("zulu", OnTag("territorial")),
        Rule("alpha", OnFence(Fence)),
        Rule("mike", OnFence(Fence), enabled: false),
        Rule("bravo", OnFence("cu-12nm")),
        Rule("echo", OnTag("mx")),
        Rule("squawk", Squawk(TimeSpan.Zero, "7700")),
        Rule("emergency", new EmergencyTrigger(TimeSpan.Zero)),
        Rule("quiet", new EmergencyTrigger(TimeSpan.Zero), enabled: false),
    ]);

    [Fact]
    public void All_rules_are_listed_by_id_and_found_by_id()
    {
        Assert.Equal(["alpha", "bravo", "echo", "emergency", "mike", "quiet", "squawk", "zulu"], Rules.All.Select(r => r.Id));
        Assert.False(Rules.Find("mike")!.Enabled);
        Assert.Null(Rules.Find("ALPHA"));
        Assert.Empty(RuleSet.Empty.All);
    }

    [Fact]
    public void A_fence_gets_the_enabled_rules_naming_it_or_one_of_its_tags_once_each()
    {
        Assert.Equal(["alpha", "echo", "zulu"], Rules.ForFence(Fence, ["territorial", "mx", "mx"]).Select(r => r.Id));
        Assert.Equal(["alpha"], Rules.ForFence(Fence, []).Select(r => r.Id));
        Assert.Equal(["zulu"], Rules.ForFence("unknown", ["territorial"]).Select(r => r.Id));
        Assert.Empty(Rules.ForFence("unknown", ["Territorial"]));
    }

    [Fact]
    public void Signal_rules_are_the_enabled_squawk_and_emergency_rules()
    {
        Assert.Equal(["emergency", "squawk"], Rules.SignalRules.Select(r => r.Id));
    }

    [Fact]
    public void Two_rules_with_one_id_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => RuleSet.Create([Rule("a", OnFence(Fence)), Rule("a", OnTag("mx"))]));

        Assert.Contains("\"a\"", error.Message, StringComparison.Ordinal);
    }
}
