using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Geofencing.Documents;

/// <summary>A fence Feature's <c>properties</c>: the ones LiveTrack reads, the others kept as they are.</summary>
public sealed record FencePropertiesDocument
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string?>? Tags { get; init; }

    public double? FloorFt { get; init; }

    public double? CeilingFt { get; init; }

    public double? BufferNm { get; init; }

    public double? RadiusNm { get; init; }

    /// <summary>Every other property (e.g. a national-airspace fence's <c>kind</c> and <c>provenance</c>), ignored here.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
