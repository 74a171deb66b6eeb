using System.Text.Json;
using System.Text.Json.Serialization;
using LiveTrack.Geofencing;

namespace LiveTrack.Server.Apis.Contracts;

/// <summary>Writes a <see cref="GeoJsonGeometry"/>; responses only (requests are read by the geofence parser).</summary>
public sealed class GeoJsonGeometryConverter : JsonConverter<GeoJsonGeometry>
{
    public override GeoJsonGeometry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return GeoJsonGeometry.Verbatim(document.RootElement.Clone());
    }

    public override void Write(Utf8JsonWriter writer, GeoJsonGeometry value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Effective is { } geometry)
        {
            GeofenceGeoJson.WriteGeometry(writer, geometry);
        }
        else
        {
            value.Submitted.WriteTo(writer);
        }
    }
}
