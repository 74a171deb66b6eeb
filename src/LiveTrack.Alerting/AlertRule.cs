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
