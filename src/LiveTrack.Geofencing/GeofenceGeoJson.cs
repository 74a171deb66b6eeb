using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LiveTrack.Geofencing;

/// <summary>
/// Writes a fence's effective geometry (<see cref="GeofenceDefinition.Geometry"/>: buffered, split at the
/// antimeridian) as an RFC 7946 GeoJSON geometry, for showing clients what is actually evaluated. The submitted
/// document is kept separately in <see cref="GeofenceDefinition.SourceGeoJson"/>.
/// </summary>
public static class GeofenceGeoJson
{
    // NetTopologySuite.IO.GeoJSON4STJ, turning rings to the right-hand rule of RFC 7946 §3.1.6, no bbox.
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(Planar.Factory, false, GeoJsonConverterFactory.DefaultIdPropertyName, RingOrientationOption.EnforceRfc9746) },
    };

    /// <summary>
    /// Writes <paramref name="geometry"/> (a Polygon or MultiPolygon) as a GeoJSON geometry object, outer rings
    /// counterclockwise and holes clockwise (the right-hand rule of RFC 7946 §3.1.6), numbers in their shortest
    /// round-trip form.
    /// </summary>
    public static void WriteGeometry(Utf8JsonWriter writer, Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry is not (Polygon or MultiPolygon))
        {
            throw new ArgumentException($"Expected a Polygon or MultiPolygon, not {geometry.GeometryType}.", nameof(geometry));
        }

        JsonSerializer.Serialize(writer, geometry, Options);
    }

    /// <summary><see cref="WriteGeometry"/> into a string.</summary>
    public static string ToGeoJson(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteGeometry(writer, geometry);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
