using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Geofencing.Documents;

/// <summary>A fence's GeoJSON geometry, told apart by <c>type</c> (RFC 7946 §3.1): the three kinds a fence may have.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(PolygonDocument), "Polygon")]
[JsonDerivedType(typeof(MultiPolygonDocument), "MultiPolygon")]
[JsonDerivedType(typeof(PointDocument), "Point")]
public abstract record GeometryDocument
{
    /// <summary>Foreign members and <c>bbox</c>, ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ForeignMembers { get; set; }
}
