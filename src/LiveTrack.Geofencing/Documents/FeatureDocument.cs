using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Geofencing.Documents;

/// <summary>
/// A GeoJSON Feature as the serializer reads it (RFC 7946 §3.2): shape only; <see cref="GeofenceParser"/> checks the
/// meaning. Foreign members (§6.1) are kept and ignored.
/// </summary>
public sealed record FeatureDocument
{
    public string? Type { get; init; }

    /// <summary>A string or a number (§3.2).</summary>
    public JsonElement? Id { get; init; }

    public FencePropertiesDocument? Properties { get; init; }

    public GeometryDocument? Geometry { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ForeignMembers { get; set; }
}
