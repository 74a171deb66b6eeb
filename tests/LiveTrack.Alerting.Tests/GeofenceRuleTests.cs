using static LiveTrack.Alerting.Tests.TestData;

namespace LiveTrack.Alerting.Tests;

public class GeofenceRuleTests
{
    private readonly RuleEngine engine = new();

    private IReadOnlyList<Alert> On(GeofenceEvent e, RuleSet rules, DateTimeOffset? now = null) =>
        engine.OnGeofenceEvent(e, e.FenceId == Fence ? FenceTags : [], rules, now ?? e.At);

    [Fact]
    public void An_entry_into_the_named_fence_raises_an_alert_with_its_evidence()
    {
        var rules = RuleSet.Create([Rule("enters", OnFence(Fence))]);
        var entered = Entered(T0.AddSeconds(133), 7);

        var alert = Assert.Single(On(entered, rules, now: T0.AddSeconds(134)));

        Assert.Equal("enters-ae01c5-7", alert.Id);
        Assert.Equal("enters", alert.RuleId);
        Assert.Equal("Rule enters", alert.RuleName);
        Assert.Equal("ae01c5", alert.Icao);
        Assert.Equal(AlertTriggerKind.Geofence, alert.Trigger);
        Assert.Equal(entered.At, alert.At);
        Assert.Equal(T0.AddSeconds(134), alert.RaisedAt);
        Assert.Equal([entered], alert.Events);
        Assert.Same(entered.Aircraft, alert.Aircraft);
        Assert.Equal("trace-ae01c5-7", alert.TraceId);
        Assert.Null(alert.Squawk);
        Assert.Equal("JAKE21 (ae01c5) entered Mexico territorial sea at 10:02:13Z", alert.Summary);
    }

    [Fact]
    public void The_summary_names_the_address_alone_when_the_callsign_is_unknown()
    {
        var rules = RuleSet.Create([Rule("exits", OnFence(Fence, GeofenceEventKind.Exited, GeofenceEventKind.LostInside))]);

        var exit = Assert.Single(On(Event(GeofenceEventKind.Exited, T0, 1, aircraft: Aircraft(callsign: null)), rules));
        var lost = Assert.Single(On(Event(GeofenceEventKind.LostInside, T0.AddMinutes(1), 2, aircraft: Aircraft(callsign: null)), rules));

        Assert.Equal("ae01c5 exited Mexico territorial sea at 10:00:00Z", exit.Summary);
        Assert.Equal("ae01c5 was lost inside Mexico territorial sea at 10:01:00Z", lost.Summary);
    }

    [Fact]
    public void Only_events_of_the_rule_kinds_fire()
    {
        var rules = RuleSet.Create([Rule("leaves", OnFence(Fence, GeofenceEventKind.Exited, GeofenceEventKind.LostInside))]);

        Assert.Empty(On(Entered(T0, 1), rules));
        Assert.Single(On(Exited(T0.AddMinutes(1), 2), rules));
        Assert.Single(On(Event(GeofenceEventKind.LostInside, T0.AddMinutes(2), 3), rules));
    }

    [Fact]
    public void A_tag_rule_fires_for_every_fence_with_the_tag_and_no_other()
    {
        var rules = RuleSet.Create([Rule("territorial", OnTag("territorial"))]);

        var tagged = engine.OnGeofenceEvent(Event(GeofenceEventKind.Entered, T0, 1, fenceId: "cu-12nm"), ["territorial"], rules, T0);
        var untagged = engine.OnGeofenceEvent(Event(GeofenceEventKind.Entered, T0, 2, fenceId: "training-area"), ["military"], rules, T0);
        var named = On(Entered(T0, 3), rules);

        Assert.Equal("territorial-ae01c5-1", Assert.Single(tagged).Id);
        Assert.Empty(untagged);
        Assert.Single(named);
    }

    [Fact]
    public void A_rule_for_another_fence_or_an_aircraft_outside_the_filter_does_not_fire()
    {
        var rules = RuleSet.Create(
        [
            Rule("other-fence", OnFence("cu-12nm")),
            Rule("civil-only", OnFence(Fence), filter: new AircraftFilter { Military = false }),
        ]);

        Assert.Empty(On(Entered(T0, 1), rules));
    }

    [Fact]
    public void A_dwell_fires_on_the_timer_at_its_deadline()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(20)))]);
        var entered = Entered(T0.AddSeconds(133), 4);

        Assert.Empty(On(entered, rules));
        Assert.Equal(entered.At + Minutes(20), engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, entered.At + Minutes(20) - TimeSpan.FromTicks(1)));
        var alert = Assert.Single(engine.OnTimer(rules, T0.AddMinutes(30)));

        Assert.Equal("loiter-ae01c5-4-dwell", alert.Id);
        Assert.Equal(AlertTriggerKind.Dwell, alert.Trigger);
        Assert.Equal(entered.At + Minutes(20), alert.At);
        Assert.Equal(T0.AddMinutes(30), alert.RaisedAt);
        Assert.Equal([entered], alert.Events);
        Assert.Equal(entered.TraceId, alert.TraceId);
        Assert.Equal("JAKE21 (ae01c5) has been inside Mexico territorial sea for 20 min (entered at 10:02:13Z)", alert.Summary);
        Assert.Null(engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, T0.AddHours(2)));
        Assert.Empty(On(Exited(T0.AddHours(2), 5), rules));
    }

    [Fact]
    public void With_allowed_lateness_an_exit_observed_before_the_deadline_but_received_after_it_still_cancels_the_dwell()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(20)))]);
        var lateness = TimeSpan.FromSeconds(10);
        On(Entered(T0, 1), rules);

        // The timer wakes at the deadline, but the feed is 8 s behind: nothing fires yet.
        Assert.Empty(engine.OnTimer(rules, T0.AddMinutes(20), lateness));
        // The exit observed 3 s before the deadline arrives now.
        Assert.Empty(On(Exited(T0.AddMinutes(20).AddSeconds(-3), 2), rules));
        Assert.Null(engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, T0.AddMinutes(21), lateness));

        // Without an exit the dwell fires once the lateness has passed, still stamped with the deadline.
        On(Entered(T0.AddHours(1), 3), rules);
        var alert = Assert.Single(engine.OnTimer(rules, T0.AddHours(1).AddMinutes(20) + lateness, lateness));
        Assert.Equal(T0.AddHours(1).AddMinutes(20), alert.At);
    }

    [Fact]
    public void An_exit_after_the_deadline_fires_the_dwell_the_timer_missed()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(20)))]);
        var entered = Entered(T0, 1);
        var exited = Exited(T0.AddMinutes(25), 2);

        On(entered, rules);
        var alert = Assert.Single(On(exited, rules));

        Assert.Equal("loiter-ae01c5-1-dwell", alert.Id);
        Assert.Equal(T0.AddMinutes(20), alert.At);
        Assert.Equal([entered, exited], alert.Events);
        Assert.Equal(entered.TraceId, alert.TraceId);
        Assert.Null(engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, T0.AddHours(1)));
    }

    [Fact]
    public void An_exit_exactly_at_the_deadline_satisfies_the_dwell()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(20)))]);

        On(Entered(T0, 1), rules);

        Assert.Single(On(Exited(T0.AddMinutes(20), 2), rules));
    }

    [Theory]
    [InlineData(GeofenceEventKind.Exited)]
    [InlineData(GeofenceEventKind.LostInside)]
    public void Leaving_before_the_deadline_cancels_the_dwell(GeofenceEventKind kind)
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(20)))]);

        On(Entered(T0, 1), rules);
        var onExit = On(Event(kind, T0.AddMinutes(19), 2), rules);

        Assert.Empty(onExit);
        Assert.Null(engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, T0.AddHours(1)));
        Assert.Equal(0, engine.TrackedCount);
    }

    [Fact]
    public void A_second_entry_while_timing_keeps_the_first_deadline()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(20)))]);

        On(Entered(T0, 1), rules);
        On(Entered(T0.AddMinutes(5), 2), rules);

        Assert.Equal(T0.AddMinutes(20), engine.NextDeadline);
        Assert.Equal("loiter-ae01c5-1-dwell", Assert.Single(engine.OnTimer(rules, T0.AddMinutes(20))).Id);
    }

    [Fact]
    public void Dwells_are_timed_per_aircraft_and_the_next_deadline_is_the_earliest()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(20)))]);

        On(Entered(T0.AddMinutes(3), 1, icao: "a00001"), rules);
        On(Entered(T0, 1, icao: "a00002"), rules);
        Assert.Equal(T0.AddMinutes(20), engine.NextDeadline);

        var first = Assert.Single(engine.OnTimer(rules, T0.AddMinutes(21)));
        Assert.Equal("a00002", first.Icao);
        Assert.Equal(T0.AddMinutes(23), engine.NextDeadline);
    }

    [Fact]
    public void An_aircraft_outside_the_filter_starts_no_dwell()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(20)), filter: new AircraftFilter { Military = false })]);

        On(Entered(T0, 1), rules);

        Assert.Null(engine.NextDeadline);
        Assert.Empty(engine.OnTimer(rules, T0.AddHours(1)));
    }

    [Fact]
    public void A_cooldown_suppresses_a_zig_zag_and_lets_the_next_entry_through_after_it()
    {
        var rules = RuleSet.Create([Rule("enters", OnFence(Fence), cooldown: Minutes(10))]);

        var first = On(Entered(T0, 1), rules);
        var exit = On(Exited(T0.AddMinutes(2), 2), rules);
        var zigZag = On(Entered(T0.AddMinutes(5), 3), rules);
        var exitAgain = On(Exited(T0.AddMinutes(7), 4), rules);
        var afterCooldown = On(Entered(T0.AddMinutes(10), 5), rules);

        Assert.Equal("enters-ae01c5-1", Assert.Single(first).Id);
        Assert.Empty(exit);
        Assert.Empty(zigZag);
        Assert.Empty(exitAgain);
        Assert.Equal("enters-ae01c5-5", Assert.Single(afterCooldown).Id);
    }

    [Fact]
    public void A_cooldown_is_per_aircraft_and_per_rule()
    {
        var rules = RuleSet.Create(
        [
            Rule("a", OnFence(Fence), cooldown: Minutes(10)),
            Rule("b", OnTag("territorial"), cooldown: Minutes(10)),
        ]);

        Assert.Equal(["a-ae01c5-1", "b-ae01c5-1"], On(Entered(T0, 1), rules).Select(a => a.Id));
        Assert.Equal(2, On(Entered(T0.AddMinutes(1), 1, icao: "a00001"), rules).Count);
        Assert.Empty(On(Entered(T0.AddMinutes(2), 2), rules));
    }

    [Fact]
    public void A_cooldown_also_applies_to_dwell_alerts()
    {
        var rules = RuleSet.Create([Rule("loiter", Dwell(Fence, Minutes(5)), cooldown: Minutes(30))]);

        On(Entered(T0, 1), rules);
        Assert.Single(engine.OnTimer(rules, T0.AddMinutes(5)));
        On(Exited(T0.AddMinutes(6), 2), rules);
        On(Entered(T0.AddMinutes(7), 3), rules);

        Assert.Empty(engine.OnTimer(rules, T0.AddMinutes(12)));
        On(Exited(T0.AddMinutes(13), 4), rules);
        On(Entered(T0.AddMinutes(31), 5), rules);
        Assert.Equal("loiter-ae01c5-5-dwell", Assert.Single(engine.OnTimer(rules, T0.AddMinutes(36))).Id);
    }

    [Fact]
    public void A_disabled_rule_never_fires()
    {
        var rules = RuleSet.Create([Rule("off", OnFence(Fence), enabled: false), Rule("loiter-off", Dwell(Fence, Minutes(1)), enabled: false)]);

        Assert.Empty(On(Entered(T0, 1), rules));
        Assert.Empty(engine.OnTimer(rules, T0.AddHours(1)));
        Assert.Equal(0, engine.TrackedCount);
    }

    [Fact]
    public void A_pending_dwell_of_a_removed_or_disabled_rule_does_not_fire_and_is_forgotten()
    {
        var loiter = Rule("loiter", Dwell(Fence, Minutes(20)));
        var camp = Rule("camp", Dwell(Fence, Minutes(20)));
        On(Entered(T0, 1), RuleSet.Create([loiter, camp]));
        Assert.Equal(2, engine.TrackedCount);

        var changed = RuleSet.Create([camp with { Enabled = false }]);
        var alerts = engine.OnTimer(changed, T0.AddHours(1));

        Assert.Empty(alerts);
        Assert.Equal(0, engine.TrackedCount);
        Assert.Null(engine.NextDeadline);
    }

    [Fact]
    public void A_pending_dwell_follows_a_change_of_the_rule_dwell_time()
    {
        var rule = Rule("loiter", Dwell(Fence, Minutes(20)));
        On(Entered(T0, 1), RuleSet.Create([rule]));

        var longer = RuleSet.Create([rule with { Trigger = Dwell(Fence, Minutes(45)) }]);

        Assert.Empty(engine.OnTimer(longer, T0.AddMinutes(30)));
        Assert.Equal(T0.AddMinutes(45), engine.NextDeadline);
        Assert.Equal(T0.AddMinutes(45), Assert.Single(engine.OnTimer(longer, T0.AddMinutes(45))).At);
    }

    [Fact]
    public void Alerts_of_one_call_come_in_time_order()
    {
        var rules = RuleSet.Create(
        [
            Rule("a-exit", OnFence(Fence, GeofenceEventKind.Exited)),
            Rule("z-loiter", Dwell(Fence, Minutes(20))),
        ]);

        On(Entered(T0, 1), rules);
        var alerts = On(Exited(T0.AddMinutes(25), 2), rules);

        Assert.Equal(["z-loiter-ae01c5-1-dwell", "a-exit-ae01c5-2"], alerts.Select(a => a.Id));
        Assert.Equal([T0.AddMinutes(20), T0.AddMinutes(25)], alerts.Select(a => a.At));
    }

    [Fact]
    public void Expired_cooldowns_are_forgotten_so_tracked_state_shrinks()
    {
        var rules = RuleSet.Create([Rule("enters", OnFence(Fence), cooldown: Minutes(10))]);

        for (var i = 0; i < 5; i++)
        {
            On(Entered(T0, 1, icao: $"a0000{i}"), rules);
        }

        Assert.Equal(5, engine.TrackedCount);
        engine.OnTimer(rules, T0.AddMinutes(9));
        Assert.Equal(5, engine.TrackedCount);
        engine.OnTimer(rules, T0.AddMinutes(10));
        Assert.Equal(0, engine.TrackedCount);
    }

    [Fact]
    public void Cooldowns_of_a_removed_rule_are_forgotten()
    {
        var rules = RuleSet.Create([Rule("enters", OnFence(Fence), cooldown: Minutes(10))]);
        On(Entered(T0, 1), rules);
        Assert.Equal(1, engine.TrackedCount);

        engine.OnTimer(RuleSet.Empty, T0.AddMinutes(1));

        Assert.Equal(0, engine.TrackedCount);
    }
}
