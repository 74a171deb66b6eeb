using System.Text.Json.Serialization;

namespace LiveTrack.Alerting.Documents;

/// <summary>
/// The JSON form of an <see cref="AlertRule"/> (camelCase): what <c>/api/rules</c> accepts and returns and what the
/// rule store keeps. Shape only; <see cref="AlertRuleParser"/> checks the meaning.
/// </summary>
public sealed record AlertRuleDocument
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? Enabled { get; init; }

    public TriggerDocument? Trigger { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FilterDocument? Filter { get; init; }

    public double? CooldownSeconds { get; init; }

    public IReadOnlyList<WebhookDocument>? Webhooks { get; init; }

    /// <summary>
    /// The document of <paramref name="rule"/>. With <paramref name="includeSecrets"/> false each webhook carries
    /// <c>hasSecret</c> instead of its secret; <paramref name="showUrl"/> decides how each webhook URL is shown.
    /// </summary>
    public static AlertRuleDocument From(AlertRule rule, bool includeSecrets, Func<Uri, string>? showUrl = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new AlertRuleDocument
        {
            Id = rule.Id,
            Name = rule.Name,
            Enabled = rule.Enabled,
            Trigger = TriggerDocument.From(rule.Trigger),
            Filter = rule.Filter.IsAny ? null : FilterDocument.From(rule.Filter),
            CooldownSeconds = rule.Cooldown.TotalSeconds,
            Webhooks = [.. rule.Webhooks.Select(w => new WebhookDocument
            {
                Url = showUrl?.Invoke(w.Url) ?? w.Url.AbsoluteUri,
                Secret = includeSecrets ? w.Secret : null,
                HasSecret = includeSecrets ? null : !string.IsNullOrEmpty(w.Secret),
            })],
        };
    }
}
