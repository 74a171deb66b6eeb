using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Alerts;

/// <summary>Alert rules, history and webhook delivery. Bound from <c>LiveTrack:Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "LiveTrack:Alerts";

    /// <summary>Folder of the rule store (one JSON file per rule; webhook secrets included, so protect it).</summary>
    [Required]
    public string RulesPath { get; set; } = "data/rules";

    /// <summary>Folder of the alert history (<c>alerts.jsonl</c>) and the webhook dead letters (<c>dead-letters.json</c>).</summary>
    [Required]
    public string HistoryPath { get; set; } = "data/alerts";

    /// <summary>A JSON array of rules stored when the rule store starts empty (the embedded demo's rule).</summary>
    public string? Seed { get; set; }

    /// <summary>Alerts kept for queries (the oldest are dropped from the history beyond this).</summary>
    [Range(100, 10_000_000)]
    public int MaxHistory { get; set; } = 10_000;

    /// <summary>Dead letters kept (the oldest are dropped beyond this).</summary>
    [Range(10, 1_000_000)]
    public int MaxDeadLetters { get; set; } = 1_000;

    public WebhookOptions Webhooks { get; set; } = new();
}
