using System.Text.Json.Serialization;

namespace LiveTrack.Alerting.Documents;

/// <summary>
/// <c>{"url", "secret"}</c> as written; in responses <c>{"url", "hasSecret"}</c> (the secret is never returned, and
/// callers without a writer's key see the URL without its path and query).
/// </summary>
public sealed record WebhookDocument
{
    public string? Url { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasSecret { get; init; }
}
