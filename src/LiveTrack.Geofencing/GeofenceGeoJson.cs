using System.Text;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// Writes a fence's effective geometry (<see cref="GeofenceDefinition.Geometry"/>: buffered, split at the
/// antimeridian) as an RFC 7946 GeoJSON geometry, for showing clients what is actually evaluated. The submitted
/// document is kept separately in <see cref="GeofenceDefinition.SourceGeoJson"/>.
/// </summary>
public static class GeofenceGeoJson
{
    /// <summary>
    /// Writes <paramref name="geometry"/> (a Polygon or MultiPolygon) as a GeoJSON geometry object, outer rings
    /// counterclockwise and holes clockwise (the right-hand rule of RFC 7946 §3.1.6), numbers in their shortest
    /// round-trip form.
    /// </summary>
    public static void WriteGeometry(Utf8JsonWriter writer, Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(geometry);
        writer.WriteStartObject();
        switch (geometry)
        {
            case Polygon polygon:
                writer.WriteString("type", "Polygon");
                writer.WritePropertyName("coordinates");
                WritePolygon(writer, polygon);
                break;
            case MultiPolygon multi:
                writer.WriteString("type", "MultiPolygon");
                writer.WritePropertyName("coordinates");
                writer.WriteStartArray();
                foreach (var polygon in Planar.PolygonsOf(multi))
                {
                    WritePolygon(writer, polygon);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Expected a Polygon or MultiPolygon, not {geometry.GeometryType}.", nameof(geometry));
        }

        writer.WriteEndObject();
    }

    /// <summary><see cref="WriteGeometry"/> into a string.</summary>
    public static string ToGeoJson(Geometry geometry)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteGeometry(writer, geometry);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon)
    {
        writer.WriteStartArray();
        WriteRing(writer, polygon.ExteriorRing.Coordinates, counterClockwise: true);
        foreach (var hole in polygon.InteriorRings)
        {
            WriteRing(writer, hole.Coordinates, counterClockwise: false);
        }

        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, Coordinate[] ring, bool counterClockwise)
    {
        var reverse = Orientation.IsCCW(ring) != counterClockwise;
        writer.WriteStartArray();
        for (var i = 0; i < ring.Length; i++)
        {
            var c = ring[reverse ? ring.Length - 1 - i : i];
            writer.WriteStartArray();
            writer.WriteNumberValue(c.X);
            writer.WriteNumberValue(c.Y);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
