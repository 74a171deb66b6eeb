using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Geofencing.Documents;

/// <summary>
/// A GeoJSON FeatureCollection (RFC 7946 §3.3). Its features are read one by one as <see cref="FeatureDocument"/>s,
/// so each keeps its own text and its errors their <c>features[i]</c> path.
/// </summary>
public sealed record FeatureCollectionDocument
{
    public string? Type { get; init; }

    public IReadOnlyList<JsonElement>? Features { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ForeignMembers { get; set; }
}
