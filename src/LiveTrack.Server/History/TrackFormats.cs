using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using LiveTrack.History;

namespace LiveTrack.Server.History;

/// <summary>A recorded track as GeoJSON, CSV or KML (UTF-8 bytes).</summary>
internal static class TrackFormats
{
    private const double MetresPerFoot = 0.3048;

    /// <summary>
    /// An RFC 7946 FeatureCollection: first a LineString of the whole track (properties: icao, from, to, count), then
    /// one Point per position with its time, altitudes, speed, track, source, feed and accuracy.
    /// </summary>
    public static byte[] GeoJson(string icao, IReadOnlyList<PositionRecord> track)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");

            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "LineString");
            json.WriteStartArray("coordinates");
            foreach (var p in track)
            {
                Coordinates(json, p);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("icao", icao);
            json.WriteString("from", track[0].At);
            json.WriteString("to", track[^1].At);
            json.WriteNumber("count", track.Count);
            json.WriteEndObject();
            json.WriteEndObject();

            foreach (var p in track)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WritePropertyName("coordinates");
                Coordinates(json, p);
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("icao", icao);
                json.WriteString("at", p.At);
                Number(json, "altBaro", p.BarometricAltitudeFeet);
                Number(json, "altGeom", p.GeometricAltitudeFeet);
                Number(json, "groundSpeed", p.GroundSpeedKnots);
                Number(json, "track", p.TrackDegrees);
                json.WriteString("source", p.Source.ToString());
                json.WriteString("feed", p.Feed);
                Number(json, "nic", p.Nic);
                Number(json, "nacP", p.NacP);
                Number(json, "rc", p.ContainmentRadiusMeters);
                json.WriteBoolean("imported", p.Imported);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>One row per position; times ISO 8601 UTC, empty cells for unknown values.</summary>
    public static byte[] Csv(string icao, IReadOnlyList<PositionRecord> track)
    {
        var text = new StringBuilder(64 + (track.Count * 96));
        text.Append("time,icao,lat,lon,alt_baro_ft,alt_geom_ft,ground_speed_kt,track_deg,source,feed,nic,nac_p,rc_m,imported\n");
        foreach (var p in track)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ},{icao},{p.Latitude:R},{p.Longitude:R},{p.BarometricAltitudeFeet},{p.GeometricAltitudeFeet},")
                .Append(CultureInfo.InvariantCulture, $"{p.GroundSpeedKnots:R},{p.TrackDegrees:R},{p.Source},{Cell(p.Feed)},{p.Nic},{p.NacP},{p.ContainmentRadiusMeters:R},{(p.Imported ? "true" : "false")}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A KML document with one Placemark holding a <c>gx:Track</c> (a time per coordinate) that Google Earth plays.</summary>
    public static byte[] Kml(string icao, IReadOnlyList<PositionRecord> track)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            const string Kml = "http://www.opengis.net/kml/2.2";
            const string Gx = "http://www.google.com/kml/ext/2.2";
            xml.WriteStartDocument();
            xml.WriteStartElement("kml", Kml);
            xml.WriteAttributeString("xmlns", "gx", null, Gx);
            xml.WriteStartElement("Document", Kml);
            xml.WriteElementString("name", Kml, icao);
            xml.WriteStartElement("Placemark", Kml);
            xml.WriteElementString("name", Kml, icao);
            xml.WriteStartElement("Track", Gx);
            xml.WriteElementString("altitudeMode", Kml, "absolute");
            foreach (var p in track)
            {
                xml.WriteElementString("when", Kml, p.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
            }

            foreach (var p in track)
            {
                var metres = (p.AltitudeFeet ?? 0) * MetresPerFoot;
                xml.WriteElementString("coord", Gx, string.Create(CultureInfo.InvariantCulture, $"{p.Longitude:R} {p.Latitude:R} {metres:0.#}"));
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void Coordinates(Utf8JsonWriter json, PositionRecord p)
    {
        json.WriteStartArray();
        json.WriteNumberValue(p.Longitude);
        json.WriteNumberValue(p.Latitude);
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
