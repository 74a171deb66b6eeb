namespace LiveTrack.Alerting;

/// <summary>
/// An immutable set of rules, indexed for evaluation. Build a new one when rules change, and keep passing the same
/// instance to <see cref="RuleEngine"/> while they do not (the engine re-checks its pending state when the instance
/// changes).
/// </summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, AlertRule> byId;
    private readonly Dictionary<string, AlertRule[]> byFence;
    private readonly Dictionary<string, AlertRule[]> byTag;

    private RuleSet(AlertRule[] rules)
    {
        All = rules;
        byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var geofenceRules = rules.Where(r => r.Enabled && r.Trigger is GeofenceTrigger).ToArray();
        byFence = geofenceRules
            .Where(r => ((GeofenceTrigger)r.Trigger).FenceId is not null)
            .GroupBy(r => ((GeofenceTrigger)r.Trigger).FenceId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        byTag = geofenceRules
            .Where(r => ((GeofenceTrigger)r.Trigger).Tag is not null)
            .GroupBy(r => ((GeofenceTrigger)r.Trigger).Tag!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        SignalRules = [.. rules.Where(r => r.Enabled && r.Trigger is SquawkTrigger or EmergencyTrigger)];
    }

    public static RuleSet Empty { get; } = new([]);

    /// <exception cref="ArgumentException">Two rules have the same id.</exception>
    public static RuleSet Create(IEnumerable<AlertRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var sorted = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Id == sorted[i - 1].Id)
            {
                throw new ArgumentException($"two rules have the id \"{sorted[i].Id}\"", nameof(rules));
            }
        }

        return sorted.Length == 0 ? Empty : new RuleSet(sorted);
    }

    /// <summary>Every rule, enabled or not, ordered by id (ordinal).</summary>
    public IReadOnlyList<AlertRule> All { get; }

    /// <summary>The enabled squawk and emergency rules, ordered by id.</summary>
    public IReadOnlyList<AlertRule> SignalRules { get; }

    public AlertRule? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.GetValueOrDefault(id);
    }

    /// <summary>
    /// The enabled geofence rules that name the fence <paramref name="fenceId"/> or one of its
    /// <paramref name="fenceTags"/>, ordered by id.
    /// </summary>
    public IReadOnlyList<AlertRule> ForFence(string fenceId, IReadOnlyList<string> fenceTags)
    {
        ArgumentNullException.ThrowIfNull(fenceId);
        ArgumentNullException.ThrowIfNull(fenceTags);
        var byFenceId = byFence.GetValueOrDefault(fenceId) ?? [];
        if (byTag.Count == 0 || fenceTags.Count == 0)
        {
            return byFenceId;
        }

        var result = new List<AlertRule>(byFenceId);
        foreach (var tag in fenceTags)
        {
            if (byTag.TryGetValue(tag, out var tagged))
            {
                result.AddRange(tagged);
            }
        }

        return result.Count == byFenceId.Length
            ? byFenceId
            : [.. result.DistinctBy(r => r.Id, StringComparer.Ordinal).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }
}
