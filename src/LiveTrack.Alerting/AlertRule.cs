namespace LiveTrack.Alerting;

/// <summary>
/// A user's alert rule: when its <see cref="Trigger"/> condition is met by an aircraft that passes its
/// <see cref="Filter"/>, an <see cref="Alert"/> is raised (at most once per <see cref="Cooldown"/> for each aircraft)
/// and delivered to its <see cref="Webhooks"/>. Read from and written to JSON by <see cref="AlertRuleParser"/> and
/// <see cref="AlertRuleJson"/>.
/// </summary>
public sealed record AlertRule
{
    /// <summary>1–64 characters of <c>A–Z a–z 0–9 . _ ~ -</c>.</summary>
    public required string Id { get; init; }

    /// <summary>For people; the id when the document has none.</summary>
    public required string Name { get; init; }

    /// <summary>A disabled rule keeps its definition but never fires.</summary>
    public bool Enabled { get; init; } = true;

    public required RuleTrigger Trigger { get; init; }

    public AircraftFilter Filter { get; init; } = AircraftFilter.Any;

    /// <summary>
    /// After an alert for an aircraft, further alerts of this rule for the same aircraft that happen within this time
    /// are suppressed (not queued). Zero: no cooldown.
    /// </summary>
    public TimeSpan Cooldown { get; init; }

    public IReadOnlyList<WebhookTarget> Webhooks { get; init; } = [];
}

/// <summary>The condition of an <see cref="AlertRule"/>.</summary>
public abstract record RuleTrigger;

/// <summary>
/// Fires on geofence events of one fence (<see cref="FenceId"/>) or of every fence with a tag (<see cref="Tag"/>);
/// exactly one of the two is set. Without <see cref="Dwell"/> it fires on each event whose kind is in
/// <see cref="Kinds"/>; with it, when an aircraft has stayed inside for the dwell time (then <see cref="Kinds"/> is
/// just <see cref="GeofenceEventKind.Entered"/>).
/// </summary>
public sealed record GeofenceTrigger(string? FenceId, string? Tag, IReadOnlySet<GeofenceEventKind> Kinds, TimeSpan? Dwell) : RuleTrigger;

/// <summary>Fires when an aircraft has squawked one of <see cref="Codes"/> for <see cref="HeldFor"/> (zero: at once).</summary>
public sealed record SquawkTrigger(IReadOnlySet<string> Codes, TimeSpan HeldFor) : RuleTrigger;

/// <summary>Fires when an aircraft's emergency flag has been set for <see cref="HeldFor"/> (zero: at once).</summary>
public sealed record EmergencyTrigger(TimeSpan HeldFor) : RuleTrigger;

/// <summary>
/// Where a rule's alerts are POSTed. Each delivery is signed with <see cref="Secret"/> (see <see cref="WebhookSignature"/>).
/// </summary>
public sealed record WebhookTarget(Uri Url, string Secret)
{
    /// <summary>Never shows the secret (records print every member by default, and rules end up in logs).</summary>
    public override string ToString() => $"WebhookTarget {{ Url = {Url}, Secret = *** }}";
}
