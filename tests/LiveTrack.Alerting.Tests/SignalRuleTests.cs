using static LiveTrack.Alerting.Tests.TestData;

namespace LiveTrack.Alerting.Tests;

public class SignalRuleTests
{
    private readonly RuleEngine engine = new();

    private IReadOnlyList<Alert> On(AircraftSignal signal, RuleSet rules) => engine.OnSignal(signal, rules, signal.At);

    [Fact]
    public void A_squawk_held_for_the_hold_time_fires_on_the_timer()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(Seconds(10), "7500", "7700"))]);
        var start = Signal(T0.AddSeconds(133), 12, "7700");

        Assert.Empty(On(start, rules));
        Assert.Equal(start.At + Seconds(10), engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, start.At + Seconds(9)));
        var alert = Assert.Single(engine.OnTimer(rules, start.At + Seconds(11)));

        Assert.Equal("hijack-ae01c5-12", alert.Id);
        Assert.Equal(AlertTriggerKind.Squawk, alert.Trigger);
        Assert.Equal("7700", alert.Squawk);
        Assert.Equal(start.At + Seconds(10), alert.At);
        Assert.Equal(start.At + Seconds(11), alert.RaisedAt);
        Assert.Same(start.Aircraft, alert.Aircraft);
        Assert.Equal(start.TraceId, alert.TraceId);
        Assert.Empty(alert.Events);
        Assert.Equal("JAKE21 (ae01c5) has squawked 7700 (emergency) for 10 s (since 10:02:13Z)", alert.Summary);
        Assert.Null(engine.NextDeadline);
    }

    [Fact]
    public void Changing_squawk_before_the_hold_time_cancels()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(Seconds(10), "7500"))]);

        On(Signal(T0, 1, "7500"), rules);
        var change = On(Signal(T0.AddSeconds(9), 2, "1200"), rules);

        Assert.Empty(change);
        Assert.Null(engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, T0.AddMinutes(5)));
        Assert.Equal(0, engine.TrackedCount);
    }

    [Fact]
    public void A_change_after_the_hold_time_fires_the_hold_the_timer_missed()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(Seconds(10), "7500"))]);

        On(Signal(T0, 1, "7500"), rules);
        var alert = Assert.Single(On(Signal(T0.AddSeconds(10), 2, "1200"), rules));

        Assert.Equal("hijack-ae01c5-1", alert.Id);
        Assert.Equal(T0.AddSeconds(10), alert.At);
        Assert.Equal("7500", alert.Squawk);
        Assert.Empty(engine.OnTimer(rules, T0.AddMinutes(5)));
    }

    [Fact]
    public void A_hold_of_zero_fires_at_once()
    {
        var rules = RuleSet.Create([Rule("mayday", Squawk(TimeSpan.Zero, "7700"))]);
        var start = Signal(T0, 3, "7700");

        var alert = Assert.Single(engine.OnSignal(start, rules, T0.AddSeconds(1)));

        Assert.Equal(T0, alert.At);
        Assert.Equal(T0.AddSeconds(1), alert.RaisedAt);
        Assert.Equal("mayday-ae01c5-3", alert.Id);
        Assert.Equal("JAKE21 (ae01c5) squawked 7700 (emergency) at 10:00:00Z", alert.Summary);
        Assert.Null(engine.NextDeadline);
    }

    [Fact]
    public void A_signal_repeating_the_squawk_keeps_the_earlier_start()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(Seconds(10), "7500"))]);

        On(Signal(T0, 1, "7500"), rules);
        On(Signal(T0.AddSeconds(5), 2, "7500", emergency: true), rules);

        Assert.Equal(T0.AddSeconds(10), engine.NextDeadline);
        var alert = Assert.Single(engine.OnTimer(rules, T0.AddSeconds(10)));
        Assert.Equal("hijack-ae01c5-1", alert.Id);
    }

    [Fact]
    public void A_condition_fires_once_until_it_ends_and_starts_again()
    {
        var rules = RuleSet.Create([Rule("mayday", Squawk(TimeSpan.Zero, "7700"))]);

        Assert.Single(On(Signal(T0, 1, "7700"), rules));
        Assert.Empty(On(Signal(T0.AddSeconds(5), 2, "7700", emergency: true), rules));
        Assert.Empty(On(Signal(T0.AddSeconds(6), 3, "7700", emergency: false), rules));
        Assert.Empty(On(Signal(T0.AddSeconds(7), 4, "1200"), rules));
        Assert.Equal("mayday-ae01c5-5", Assert.Single(On(Signal(T0.AddSeconds(8), 5, "7700"), rules)).Id);
    }

    [Fact]
    public void Moving_to_another_listed_code_starts_a_new_hold()
    {
        var rules = RuleSet.Create([Rule("distress", Squawk(Seconds(10), "7500", "7700"))]);

        On(Signal(T0, 1, "7500"), rules);
        On(Signal(T0.AddSeconds(5), 2, "7700"), rules);

        Assert.Equal(T0.AddSeconds(15), engine.NextDeadline);
        var alert = Assert.Single(engine.OnTimer(rules, T0.AddSeconds(15)));
        Assert.Equal(("distress-ae01c5-2", "7700"), (alert.Id, alert.Squawk));
    }

    [Fact]
    public void Losing_the_aircraft_cancels_its_holds_and_forgets_it()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(Seconds(10), "7500")), Rule("mayday", new EmergencyTrigger(Seconds(30)))]);

        On(Signal(T0, 1, "7500", emergency: true), rules);
        Assert.Equal(2, engine.TrackedCount);
        var lost = On(Signal(T0.AddSeconds(5), 2, "7500", emergency: true, lost: true), rules);

        Assert.Empty(lost);
        Assert.Equal(0, engine.TrackedCount);
        Assert.Null(engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, T0.AddMinutes(5)));
    }

    [Fact]
    public void A_lost_signal_after_the_deadline_still_fires_the_satisfied_hold()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(Seconds(10), "7500"))]);

        On(Signal(T0, 1, "7500"), rules);

        Assert.Equal(T0.AddSeconds(10), Assert.Single(On(Signal(T0.AddSeconds(30), 2, "7500", lost: true), rules)).At);
        Assert.Equal(0, engine.TrackedCount);
    }

    [Fact]
    public void Unlisted_codes_unknown_squawks_and_filtered_aircraft_start_nothing()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(TimeSpan.Zero, "7500"), filter: new AircraftFilter { Military = false })]);
        var civil = Aircraft() with { Military = false };

        Assert.Empty(On(Signal(T0, 1, "7500"), rules));
        Assert.Empty(On(Signal(T0, 1, "1200", icao: "a00001", aircraft: civil), rules));
        Assert.Empty(On(Signal(T0, 1, null, icao: "a00002", aircraft: civil), rules));
        Assert.Equal(0, engine.TrackedCount);
        Assert.Single(On(Signal(T0, 1, "7500", icao: "a00003", aircraft: civil), rules));
    }

    [Fact]
    public void An_emergency_flag_held_for_the_hold_time_fires_and_clearing_it_cancels()
    {
        var rules = RuleSet.Create([Rule("emergency", new EmergencyTrigger(Seconds(30)))]);

        On(Signal(T0, 1, "1200", emergency: true), rules);
        var alert = Assert.Single(engine.OnTimer(rules, T0.AddSeconds(30)));
        On(Signal(T0.AddMinutes(1), 2, "1200", emergency: false), rules);
        On(Signal(T0.AddMinutes(2), 3, "1200", emergency: true), rules);
        var cleared = On(Signal(T0.AddMinutes(2).AddSeconds(29), 4, "1200", emergency: null), rules);

        Assert.Equal(AlertTriggerKind.Emergency, alert.Trigger);
        Assert.Equal("emergency-ae01c5-1", alert.Id);
        Assert.Equal(T0.AddSeconds(30), alert.At);
        Assert.Null(alert.Squawk);
        Assert.Equal("JAKE21 (ae01c5) has declared an emergency for 30 s (since 10:00:00Z)", alert.Summary);
        Assert.Empty(cleared);
        Assert.Empty(engine.OnTimer(rules, T0.AddMinutes(10)));
    }

    [Fact]
    public void A_cooldown_suppresses_a_squawk_that_flaps()
    {
        var rules = RuleSet.Create([Rule("mayday", Squawk(TimeSpan.Zero, "7700"), cooldown: Minutes(10))]);

        var first = On(Signal(T0, 1, "7700"), rules);
        On(Signal(T0.AddMinutes(1), 2, "1200"), rules);
        var flap = On(Signal(T0.AddMinutes(2), 3, "7700"), rules);
        On(Signal(T0.AddMinutes(3), 4, "1200"), rules);
        var later = On(Signal(T0.AddMinutes(11), 5, "7700"), rules);

        Assert.Single(first);
        Assert.Empty(flap);
        Assert.Equal("mayday-ae01c5-5", Assert.Single(later).Id);
    }

    [Fact]
    public void A_pending_hold_of_a_removed_rule_does_not_fire()
    {
        var hijack = Rule("hijack", Squawk(Seconds(10), "7500"));
        On(Signal(T0, 1, "7500"), RuleSet.Create([hijack]));

        Assert.Empty(engine.OnTimer(RuleSet.Create([Rule("other", Squawk(Seconds(10), "7600"))]), T0.AddMinutes(1)));
        Assert.Equal(0, engine.TrackedCount);
    }

    [Fact]
    public void A_pending_hold_of_a_disabled_rule_does_not_fire()
    {
        var hijack = Rule("hijack", Squawk(Seconds(10), "7500"));
        On(Signal(T0, 1, "7500"), RuleSet.Create([hijack]));

        Assert.Empty(engine.OnTimer(RuleSet.Create([hijack with { Enabled = false }]), T0.AddMinutes(1)));
        Assert.Empty(engine.OnTimer(RuleSet.Create([hijack]), T0.AddMinutes(2)));
    }

    [Fact]
    public void Holds_of_several_aircraft_fire_in_deadline_order()
    {
        var rules = RuleSet.Create([Rule("hijack", Squawk(Seconds(30), "7500"))]);

        On(Signal(T0.AddSeconds(10), 1, "7500", icao: "a00001"), rules);
        On(Signal(T0, 1, "7500", icao: "a00002"), rules);

        Assert.Equal(T0.AddSeconds(30), engine.NextDeadline);
        Assert.Equal(["a00002", "a00001"], engine.OnTimer(rules, T0.AddMinutes(1)).Select(a => a.Icao));
    }
}
