using System.Text.Json;
using static LiveTrack.Alerting.Tests.TestData;

namespace LiveTrack.Alerting.Tests;

/// <summary>
/// A rule engine's state taken out and put into a new engine (through JSON, as the rule grains persist it): what a
/// restarted server resumes with.
/// </summary>
public sealed class RuleEngineStateTests
{
    private static RuleEngine Restarted(RuleEngine engine)
    {
        var json = JsonSerializer.Serialize(engine.Export(), AlertJson.Options);
        var restored = new RuleEngine();
        restored.Restore(JsonSerializer.Deserialize<RuleEngineState>(json, AlertJson.Options)!);
        return restored;
    }

    [Fact]
    public void A_dwell_started_before_a_restart_fires_at_its_original_deadline_with_the_same_id()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, TimeSpan.FromMinutes(20)))]);
        var before = new RuleEngine();
        var entered = Entered(T0, 4);
        Assert.Empty(before.OnGeofenceEvent(entered, FenceTags, rules, T0));

        var after = Restarted(before);

        Assert.Equal(T0.AddMinutes(20), after.NextDeadline);
        Assert.Empty(after.OnTimer(rules, T0.AddMinutes(20).AddTicks(-1)));
        var alert = Assert.Single(after.OnTimer(rules, T0.AddMinutes(20)));
        Assert.Equal("loiter-ae01c5-4-dwell", alert.Id);
        Assert.Equal(T0.AddMinutes(20), alert.At);
        Assert.Equal(entered.TraceId, alert.TraceId);
        Assert.Null(after.NextDeadline);
    }

    [Fact]
    public void A_cooldown_survives_a_restart()
    {
        var rules = RuleSet.Create([Rule("enters", OnFence(Fence), cooldown: TimeSpan.FromMinutes(30))]);
        var before = new RuleEngine();
        Assert.Single(before.OnGeofenceEvent(Entered(T0, 1), FenceTags, rules, T0));

        var after = Restarted(before);

        Assert.Empty(after.OnGeofenceEvent(Entered(T0.AddMinutes(10), 3), FenceTags, rules, T0.AddMinutes(10)));
        Assert.Single(after.OnGeofenceEvent(Entered(T0.AddMinutes(31), 5), FenceTags, rules, T0.AddMinutes(31)));
    }

    [Fact]
    public void A_squawk_hold_resumes_and_a_repeated_signal_after_the_restart_keeps_its_start()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(Seconds(10), "7500"))]);
        var before = new RuleEngine();
        Assert.Empty(before.OnSignal(Signal(T0, 3, "7500"), rules, T0));

        var after = Restarted(before);

        // The restarted aircraft grain reports the squawk again under a new sequence: the hold keeps its start.
        Assert.Empty(after.OnSignal(Signal(T0.AddSeconds(5), 9, "7500"), rules, T0.AddSeconds(5)));
        var alert = Assert.Single(after.OnTimer(rules, T0.AddSeconds(10)));
        Assert.Equal("hijack-ae01c5-3", alert.Id);
        Assert.Empty(after.OnTimer(rules, T0.AddMinutes(5)));
    }

    [Fact]
    public void A_restored_dwell_of_a_rule_removed_meanwhile_is_dropped()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, TimeSpan.FromMinutes(20)))]);
        var before = new RuleEngine();
        before.OnGeofenceEvent(Entered(T0, 4), FenceTags, rules, T0);

        var after = Restarted(before);

        Assert.Empty(after.OnTimer(RuleSet.Create([]), T0.AddHours(1)));
        Assert.Null(after.NextDeadline);
        Assert.True(after.Export().IsEmpty);
    }
}
