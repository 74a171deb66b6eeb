using static System.FormattableString;

namespace LiveTrack.Alerting;

/// <summary>
/// Evaluates rules over one evaluation partition's events (one per fence grain, or per signal-partition grain) and
/// keeps the state that needs: pending dwells and holds, and cooldowns. Not thread-safe; time is always passed in.
/// </summary>
/// <remarks>
/// <para><b>Time.</b> Conditions are judged in domain time, the events' own <c>At</c>; <c>now</c> is the evaluation
/// time, used for <see cref="Alert.RaisedAt"/>, for firing deadlines in <see cref="OnTimer(RuleSet, DateTimeOffset)"/> and for forgetting
/// expired cooldowns.</para>
/// <para><b>Geofence rules</b> fire on each matching event. <b>Dwell rules</b> start timing on Entered; an Exited or
/// LostInside event for the same aircraft and fence ends the dwell, firing it first when the exit came at or after
/// the deadline; otherwise <see cref="OnTimer(RuleSet, DateTimeOffset)"/> fires it at the deadline. A second Entered keeps the first deadline.</para>
/// <para><b>Squawk and emergency rules</b> start a hold when a signal meets the condition (a signal that repeats the
/// condition keeps the earlier start); a hold of zero fires at once, others at the deadline (by
/// <see cref="OnTimer(RuleSet, DateTimeOffset)"/>, or by the aircraft's next signal when that comes at or after the deadline). A signal that
/// ends the condition, or a lost aircraft, cancels it. A condition fires once, until it ends and starts again.</para>
/// <para><b>Cooldown.</b> After an alert of a rule for an aircraft at time T, alerts of that rule for that aircraft
/// with At before T + cooldown are dropped.</para>
/// <para><b>Rule changes.</b> Only rules in the <see cref="RuleSet"/> passed to a call, and enabled, fire. When a
/// different <see cref="RuleSet"/> instance is passed, pending state of removed, disabled or changed rules is
/// dropped or re-timed, so keep passing the same instance while the rules do not change.</para>
/// </remarks>
public sealed class RuleEngine
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<(string Icao, string FenceId), Dictionary<string, PendingDwell>> dwells = [];
    private readonly Dictionary<string, Dictionary<string, Hold>> holds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RuleId, string Icao), DateTimeOffset> cooldowns = [];
    private readonly SortedSet<Pending> deadlines = new(Pending.ByDeadline);
    private RuleSet? lastRules;
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;
    private long serial;

    /// <summary>The earliest pending dwell or hold deadline (schedule <see cref="OnTimer(RuleSet, DateTimeOffset)"/> for it); null when none.</summary>
    public DateTimeOffset? NextDeadline => deadlines.Count == 0 ? null : deadlines.Min!.Deadline;

    /// <summary>
    /// Entries held: pending dwells, holds (pending, or fired and still lasting) and unexpired cooldowns. Drops as
    /// conditions end, aircraft are lost, cooldowns expire and rules are removed.
    /// </summary>
    public int TrackedCount =>
        dwells.Values.Sum(d => d.Count) + holds.Values.Sum(h => h.Count) + cooldowns.Count;

    /// <summary>Evaluates one geofence event of the fence with tags <paramref name="fenceTags"/>. Alerts in time order.</summary>
    public IReadOnlyList<Alert> OnGeofenceEvent(GeofenceEvent e, IReadOnlyList<string> fenceTags, RuleSet rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(fenceTags);
        ArgumentNullException.ThrowIfNull(rules);
        Sync(rules, now, sweep: false);

        var alerts = new List<Alert>();
        var key = (e.Icao, e.FenceId);
        if (e.Kind != GeofenceEventKind.Entered && dwells.Remove(key, out var ended))
        {
            foreach (var dwell in ended.Values.OrderBy(d => d.Deadline).ThenBy(d => d.Serial))
            {
                deadlines.Remove(dwell);
                if (e.At >= dwell.Deadline && ResolveDwell(dwell, rules) is { } rule && TryRaise(rule, dwell.Icao, dwell.Deadline))
                {
                    alerts.Add(DwellAlert(rule, dwell, e, now));
                }
            }
        }

        foreach (var rule in rules.ForFence(e.FenceId, fenceTags))
        {
            var trigger = (GeofenceTrigger)rule.Trigger;
            if (trigger.Dwell is { } dwell && dwell > TimeSpan.Zero)
            {
                if (e.Kind == GeofenceEventKind.Entered && rule.Filter.Matches(e.Aircraft))
                {
                    StartDwell(rule, trigger, e, dwell);
                }
            }
            else if (trigger.Kinds.Contains(e.Kind) && rule.Filter.Matches(e.Aircraft) && TryRaise(rule, e.Icao, e.At))
            {
                alerts.Add(new Alert
                {
                    Id = Invariant($"{rule.Id}-{e.Icao}-{e.Sequence}"),
                    RuleId = rule.Id,
                    RuleName = rule.Name,
                    Icao = e.Icao,
                    Trigger = AlertTriggerKind.Geofence,
                    At = e.At,
                    RaisedAt = now,
                    Summary = AlertSummary.Geofence(e),
                    Aircraft = e.Aircraft,
                    Events = [e],
                    TraceId = e.TraceId,
                });
            }
        }

        return Ordered(alerts);
    }

    /// <summary>Evaluates one squawk/emergency change (or loss) of an aircraft. Alerts in time order.</summary>
    public IReadOnlyList<Alert> OnSignal(AircraftSignal signal, RuleSet rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(rules);
        Sync(rules, now, sweep: false);

        var alerts = new List<Alert>();
        holds.TryGetValue(signal.Icao, out var forAircraft);

        // Holds whose deadline passed before this change were satisfied.
        if (forAircraft is not null)
        {
            foreach (var due in forAircraft.Values.Where(h => !h.Fired && h.Deadline <= signal.At).OrderBy(h => h.Deadline).ThenBy(h => h.Serial).ToList())
            {
                Fire(due, rules, now, alerts);
            }
        }

        if (signal.Lost)
        {
            if (forAircraft is not null)
            {
                foreach (var hold in forAircraft.Values)
                {
                    deadlines.Remove(hold);
                }

                holds.Remove(signal.Icao);
            }

            return Ordered(alerts);
        }

        foreach (var rule in rules.SignalRules)
        {
            var (met, kind, code, heldFor) = Condition(rule, signal);
            Hold? existing = null;
            forAircraft?.TryGetValue(rule.Id, out existing);
            if (existing is not null)
            {
                if (met && existing.Kind == kind && string.Equals(existing.Code, code, StringComparison.Ordinal))
                {
                    continue;
                }

                RemoveHold(existing);
            }

            if (!met)
            {
                continue;
            }

            if (!holds.TryGetValue(signal.Icao, out forAircraft))
            {
                holds[signal.Icao] = forAircraft = new Dictionary<string, Hold>(StringComparer.Ordinal);
            }

            var hold = new Hold
            {
                RuleId = rule.Id,
                Icao = signal.Icao,
                Serial = ++serial,
                Deadline = signal.At + heldFor,
                Kind = kind,
                Code = code,
                Start = signal,
            };
            forAircraft.Add(rule.Id, hold);
            if (heldFor > TimeSpan.Zero)
            {
                deadlines.Add(hold);
            }
            else
            {
                Fire(hold, rules, now, alerts);
            }
        }

        return Ordered(alerts);
    }

    /// <summary>Fires every pending dwell and hold whose deadline is at or before <paramref name="now"/>. Alerts in time order.</summary>
    public IReadOnlyList<Alert> OnTimer(RuleSet rules, DateTimeOffset now) => OnTimer(rules, now, TimeSpan.Zero);

    /// <summary>Fires every pending dwell and hold whose deadline is at least <paramref name="lateness"/> before <paramref name="now"/>.</summary>
    /// <param name="rules">The rules in force.</param>
    /// <param name="now">Evaluation time.</param>
    /// <param name="lateness">
    /// How late reports may arrive: a deadline fires only once <paramref name="now"/> is this far past it, so an exit
    /// or squawk change observed just before the deadline but received after it still cancels it.
    /// </param>
    public IReadOnlyList<Alert> OnTimer(RuleSet rules, DateTimeOffset now, TimeSpan lateness)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Sync(rules, now, sweep: true);

        var alerts = new List<Alert>();
        while (deadlines.Min is { } next && next.Deadline <= now - lateness)
        {
            switch (next)
            {
                case PendingDwell dwell:
                    RemoveDwell(dwell);
                    if (ResolveDwell(dwell, rules) is { } rule && TryRaise(rule, dwell.Icao, dwell.Deadline))
                    {
                        alerts.Add(DwellAlert(rule, dwell, exit: null, now));
                    }

                    break;
                case Hold hold:
                    Fire(hold, rules, now, alerts);
                    break;
            }
        }

        return Ordered(alerts);
    }

    /// <summary>What the engine remembers, as plain data (see <see cref="Restore"/>).</summary>
    public RuleEngineState Export() => new()
    {
        Serial = serial,
        Dwells = [.. dwells.Values.SelectMany(d => d.Values).OrderBy(d => d.Serial)
            .Select(d => new PendingDwellState(d.RuleId, d.Serial, d.Deadline, d.RuleFenceId, d.RuleTag, d.Entered))],
        Holds = [.. holds.Values.SelectMany(h => h.Values).OrderBy(h => h.Serial)
            .Select(h => new HoldState(h.RuleId, h.Serial, h.Deadline, h.Kind, h.Code, h.Start, h.Fired))],
        Cooldowns = [.. cooldowns.OrderBy(c => c.Key.RuleId, StringComparer.Ordinal).ThenBy(c => c.Key.Icao, StringComparer.Ordinal)
            .Select(c => new CooldownState(c.Key.RuleId, c.Key.Icao, c.Value))],
    };

    /// <summary>
    /// Replaces what the engine remembers with <paramref name="state"/> (from <see cref="Export"/>). The next call
    /// re-checks it against the rules passed then, as after any rule change.
    /// </summary>
    public void Restore(RuleEngineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        dwells.Clear();
        holds.Clear();
        cooldowns.Clear();
        deadlines.Clear();
        lastRules = null;
        nextSweep = DateTimeOffset.MinValue;
        serial = state.Serial;
        foreach (var d in state.Dwells)
        {
            var pending = new PendingDwell
            {
                RuleId = d.RuleId,
                Icao = d.Entered.Icao,
                Serial = d.Serial,
                Deadline = d.Deadline,
                RuleFenceId = d.RuleFenceId,
                RuleTag = d.RuleTag,
                Entered = d.Entered,
            };
            var key = (d.Entered.Icao, d.Entered.FenceId);
            if (!dwells.TryGetValue(key, out var forFence))
            {
                dwells[key] = forFence = new Dictionary<string, PendingDwell>(StringComparer.Ordinal);
            }

            if (forFence.TryAdd(d.RuleId, pending))
            {
                deadlines.Add(pending);
            }
        }

        foreach (var h in state.Holds)
        {
            var hold = new Hold
            {
                RuleId = h.RuleId,
                Icao = h.Start.Icao,
                Serial = h.Serial,
                Deadline = h.Deadline,
                Kind = h.Kind,
                Code = h.Code,
                Start = h.Start,
                Fired = h.Fired,
            };
            if (!holds.TryGetValue(hold.Icao, out var forAircraft))
            {
                holds[hold.Icao] = forAircraft = new Dictionary<string, Hold>(StringComparer.Ordinal);
            }

            if (forAircraft.TryAdd(h.RuleId, hold) && !h.Fired && h.Deadline > h.Start.At)
            {
                deadlines.Add(hold);
            }
        }

        foreach (var c in state.Cooldowns)
        {
            cooldowns[(c.RuleId, c.Icao)] = c.Until;
        }

        serial = Math.Max(serial, deadlines.Count == 0 ? 0 : deadlines.Max(p => p.Serial));
    }

    private static (bool Met, AlertTriggerKind Kind, string? Code, TimeSpan HeldFor) Condition(AlertRule rule, AircraftSignal signal) =>
        rule.Trigger switch
        {
            SquawkTrigger t => (
                signal.Squawk is { } squawk && t.Codes.Contains(squawk) && rule.Filter.Matches(signal.Aircraft),
                AlertTriggerKind.Squawk,
                signal.Squawk,
                t.HeldFor),
            EmergencyTrigger t => (
                signal.Emergency == true && rule.Filter.Matches(signal.Aircraft),
                AlertTriggerKind.Emergency,
                null,
                t.HeldFor),
            _ => (false, AlertTriggerKind.Squawk, null, TimeSpan.Zero),
        };

    private void StartDwell(AlertRule rule, GeofenceTrigger trigger, GeofenceEvent entered, TimeSpan dwell)
    {
        var key = (entered.Icao, entered.FenceId);
        if (!dwells.TryGetValue(key, out var forFence))
        {
            dwells[key] = forFence = new Dictionary<string, PendingDwell>(StringComparer.Ordinal);
        }

        if (forFence.ContainsKey(rule.Id))
        {
            return;
        }

        var pending = new PendingDwell
        {
            RuleId = rule.Id,
            Icao = entered.Icao,
            Serial = ++serial,
            Deadline = entered.At + dwell,
            RuleFenceId = trigger.FenceId,
            RuleTag = trigger.Tag,
            Entered = entered,
        };
        forFence.Add(rule.Id, pending);
        deadlines.Add(pending);
    }

    /// <summary>Fires a hold at its deadline (it stays, marked fired, while the condition lasts).</summary>
    private void Fire(Hold hold, RuleSet rules, DateTimeOffset now, List<Alert> alerts)
    {
        deadlines.Remove(hold);
        if (ResolveHold(hold, rules) is not { } resolved)
        {
            RemoveHold(hold);
            return;
        }

        hold.Fired = true;
        if (!TryRaise(resolved.Rule, hold.Icao, hold.Deadline))
        {
            return;
        }

        var start = hold.Start;
        alerts.Add(new Alert
        {
            Id = Invariant($"{hold.RuleId}-{hold.Icao}-{start.Sequence}"),
            RuleId = resolved.Rule.Id,
            RuleName = resolved.Rule.Name,
            Icao = hold.Icao,
            Trigger = hold.Kind,
            At = hold.Deadline,
            RaisedAt = now,
            Summary = hold.Kind == AlertTriggerKind.Squawk
                ? AlertSummary.Squawk(start, hold.Code!, resolved.HeldFor)
                : AlertSummary.Emergency(start, resolved.HeldFor),
            Aircraft = start.Aircraft,
            Squawk = hold.Code,
            TraceId = start.TraceId,
        });
    }

    private static Alert DwellAlert(AlertRule rule, PendingDwell dwell, GeofenceEvent? exit, DateTimeOffset now)
    {
        var entered = dwell.Entered;
        return new Alert
        {
            Id = Invariant($"{rule.Id}-{entered.Icao}-{entered.Sequence}-dwell"),
            RuleId = rule.Id,
            RuleName = rule.Name,
            Icao = entered.Icao,
            Trigger = AlertTriggerKind.Dwell,
            At = dwell.Deadline,
            RaisedAt = now,
            Summary = AlertSummary.Dwell(entered, dwell.Deadline - entered.At),
            Aircraft = entered.Aircraft,
            Events = exit is null ? [entered] : [entered, exit],
            TraceId = entered.TraceId,
        };
    }

    /// <summary>
    /// Applies the cooldown: false when an earlier alert of the rule for the aircraft suppresses one at
    /// <paramref name="at"/>; otherwise records this alert's cooldown and returns true.
    /// </summary>
    private bool TryRaise(AlertRule rule, string icao, DateTimeOffset at)
    {
        var key = (rule.Id, icao);
        if (cooldowns.TryGetValue(key, out var until) && at < until)
        {
            return false;
        }

        if (rule.Cooldown > TimeSpan.Zero)
        {
            cooldowns[key] = at + rule.Cooldown;
        }
        else
        {
            cooldowns.Remove(key);
        }

        return true;
    }

    /// <summary>The rule a dwell belongs to, when it is still present, enabled and the same kind of dwell rule.</summary>
    private static AlertRule? ResolveDwell(PendingDwell dwell, RuleSet rules) =>
        rules.Find(dwell.RuleId) is { Enabled: true, Trigger: GeofenceTrigger { Dwell: { } length } trigger } rule
        && length > TimeSpan.Zero
        && trigger.FenceId == dwell.RuleFenceId
        && trigger.Tag == dwell.RuleTag
        && rule.Filter.Matches(dwell.Entered.Aircraft)
            ? rule
            : null;

    /// <summary>The rule a hold belongs to, when it is still present, enabled and still holds for the hold's start.</summary>
    private static (AlertRule Rule, TimeSpan HeldFor)? ResolveHold(Hold hold, RuleSet rules)
    {
        if (rules.Find(hold.RuleId) is not { Enabled: true } rule || !rule.Filter.Matches(hold.Start.Aircraft))
        {
            return null;
        }

        return rule.Trigger switch
        {
            SquawkTrigger t when hold.Kind == AlertTriggerKind.Squawk && hold.Code is not null && t.Codes.Contains(hold.Code) => (rule, t.HeldFor),
            EmergencyTrigger t when hold.Kind == AlertTriggerKind.Emergency => (rule, t.HeldFor),
            _ => null,
        };
    }

    /// <summary>
    /// When the rules changed, drops state of rules that are gone, disabled or changed, and re-times pending dwells
    /// and holds whose durations changed; every <see cref="SweepInterval"/> (and on timers), forgets expired cooldowns.
    /// </summary>
    private void Sync(RuleSet rules, DateTimeOffset now, bool sweep)
    {
        if (!ReferenceEquals(rules, lastRules))
        {
            lastRules = rules;
            foreach (var dwell in dwells.Values.SelectMany(d => d.Values).ToList())
            {
                if (ResolveDwell(dwell, rules) is { Trigger: GeofenceTrigger { Dwell: { } length } })
                {
                    Retime(dwell, dwell.Entered.At + length);
                }
                else
                {
                    RemoveDwell(dwell);
                }
            }

            foreach (var hold in holds.Values.SelectMany(h => h.Values).ToList())
            {
                if (ResolveHold(hold, rules) is not { } resolved)
                {
                    RemoveHold(hold);
                }
                else if (!hold.Fired)
                {
                    Retime(hold, hold.Start.At + resolved.HeldFor);
                }
            }

            foreach (var key in cooldowns.Keys.Where(k => rules.Find(k.RuleId) is null).ToList())
            {
                cooldowns.Remove(key);
            }
        }

        if (sweep || now >= nextSweep)
        {
            nextSweep = now + SweepInterval;
            foreach (var key in cooldowns.Where(c => c.Value <= now).Select(c => c.Key).ToList())
            {
                cooldowns.Remove(key);
            }
        }
    }

    private void Retime(Pending pending, DateTimeOffset deadline)
    {
        if (pending.Deadline != deadline && deadlines.Remove(pending))
        {
            pending.Deadline = deadline;
            deadlines.Add(pending);
        }
    }

    private void RemoveDwell(PendingDwell dwell)
    {
        deadlines.Remove(dwell);
        var key = (dwell.Icao, dwell.Entered.FenceId);
        if (dwells.TryGetValue(key, out var forFence) && forFence.Remove(dwell.RuleId) && forFence.Count == 0)
        {
            dwells.Remove(key);
        }
    }

    private void RemoveHold(Hold hold)
    {
        deadlines.Remove(hold);
        if (holds.TryGetValue(hold.Icao, out var forAircraft) && forAircraft.Remove(hold.RuleId) && forAircraft.Count == 0)
        {
            holds.Remove(hold.Icao);
        }
    }

    private static List<Alert> Ordered(List<Alert> alerts) =>
        alerts.Count <= 1 ? alerts : [.. alerts.OrderBy(a => a.At)];

    /// <summary>A condition waiting for its deadline; ordered by deadline, then by creation.</summary>
    private abstract class Pending
    {
        public static readonly IComparer<Pending> ByDeadline = Comparer<Pending>.Create((a, b) =>
        {
            var byTime = a.Deadline.CompareTo(b.Deadline);
            return byTime != 0 ? byTime : a.Serial.CompareTo(b.Serial);
        });

        public required string RuleId { get; init; }
        public required string Icao { get; init; }
        public required long Serial { get; init; }

        /// <summary>Only changed while out of <see cref="deadlines"/> (it is the sort key).</summary>
        public required DateTimeOffset Deadline { get; set; }
    }

    private sealed class PendingDwell : Pending
    {
        public required GeofenceEvent Entered { get; init; }

        /// <summary>The rule's fence id or tag when the dwell started: a rule re-pointed elsewhere drops it.</summary>
        public required string? RuleFenceId { get; init; }
        public required string? RuleTag { get; init; }
    }

    private sealed class Hold : Pending
    {
        public required AlertTriggerKind Kind { get; init; }
        public required string? Code { get; init; }
        public required AircraftSignal Start { get; init; }

        /// <summary>Fired (or suppressed by the cooldown) already; kept so a repeated signal does not start it again.</summary>
        public bool Fired { get; set; }
    }
}
