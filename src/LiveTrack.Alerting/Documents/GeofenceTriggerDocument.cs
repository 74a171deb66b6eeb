using System.Text.Json.Serialization;

namespace LiveTrack.Alerting.Documents;

/// <summary><c>{"kind": "geofence", "fenceId" | "tag", "events", "dwellMinutes"}</c>.</summary>
public sealed record GeofenceTriggerDocument : TriggerDocument
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FenceId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tag { get; init; }

    /// <summary><c>entered</c>, <c>exited</c>, <c>lostInside</c>.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DwellMinutes { get; init; }
}
