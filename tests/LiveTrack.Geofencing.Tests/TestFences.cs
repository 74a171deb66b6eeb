using System.Globalization;
using System.Text;
using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing.Tests;

/// <summary>Hand-made GeoJSON for the tests. Coordinates are [longitude, latitude], as in GeoJSON.</summary>
internal static class TestFences
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>JSON written with single quotes for readability in attributes.</summary>
    public static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Position(double lon, double lat) => $"[{Number(lon)},{Number(lat)}]";

    /// <summary>A closed ring around a lon/lat box (counterclockwise).</summary>
    public static (double Lon, double Lat)[] Box(double minLon, double minLat, double maxLon, double maxLat) =>
        [(minLon, minLat), (maxLon, minLat), (maxLon, maxLat), (minLon, maxLat), (minLon, minLat)];

    public static string Ring((double Lon, double Lat)[] ring) =>
        "[" + string.Join(",", ring.Select(p => Position(p.Lon, p.Lat))) + "]";

    public static string Polygon(params (double Lon, double Lat)[][] rings) =>
        "{\"type\":\"Polygon\",\"coordinates\":[" + string.Join(",", rings.Select(Ring)) + "]}";

    public static string MultiPolygon(params (double Lon, double Lat)[][][] polygons) =>
        "{\"type\":\"MultiPolygon\",\"coordinates\":["
        + string.Join(",", polygons.Select(rings => "[" + string.Join(",", rings.Select(Ring)) + "]"))
        + "]}";

    public static string Circle(double lon, double lat) => "{\"type\":\"Point\",\"coordinates\":" + Position(lon, lat) + "}";

    public static string Feature(string geometry, string properties = "{}") =>
        "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";

    public static string Collection(params string[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";

    /// <summary>Parses a document that must hold exactly one valid fence.</summary>
    public static GeofenceDefinition ParseOne(string json)
    {
        var result = GeofenceParser.Parse(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return Assert.Single(result.Fences);
    }

    public static GeofenceDefinition ParseOne(string geometry, string properties) => ParseOne(Feature(geometry, properties));

    /// <summary>
    /// Brute force, independent of the library's prepared locators: NetTopologySuite's plain
    /// <see cref="Geometry.Covers"/> on the definition's geometry, ±180 being one meridian, plus the altitude band.
    /// </summary>
    public static bool BruteForceContains(GeofenceDefinition fence, double latitude, double longitude, int? altitudeFeet)
    {
        if (fence.FloorFeet is not null || fence.CeilingFeet is not null)
        {
            if (altitudeFeet is not { } altitude
                || (fence.FloorFeet is { } floor && altitude < floor)
                || (fence.CeilingFeet is { } ceiling && altitude > ceiling))
            {
                return false;
            }
        }

        longitude = Geodesy.NormalizeLongitude(longitude);
        return fence.Geometry.Covers(Factory.CreatePoint(new Coordinate(longitude, latitude)))
            || (longitude == -180 && fence.Geometry.Covers(Factory.CreatePoint(new Coordinate(180, latitude))));
    }

    /// <summary>
    /// A star-shaped polygon around <paramref name="centre"/>: <paramref name="vertices"/> points at equal bearings
    /// and radii between half and all of <paramref name="radiusNm"/>; longitudes continue across the antimeridian.
    /// </summary>
    public static string StarPolygon(Random random, GeoPoint centre, double radiusNm, int vertices)
    {
        var ring = new (double Lon, double Lat)[vertices + 1];
        var previous = double.NaN;
        for (var i = 0; i < vertices; i++)
        {
            var p = Geodesy.Destination(centre, 360.0 * i / vertices, radiusNm * (0.5 + (0.5 * random.NextDouble())));
            var lon = double.IsNaN(previous) ? p.Longitude : previous + Wrap(p.Longitude - previous);
            ring[i] = (lon, p.Latitude);
            previous = lon;
        }

        ring[vertices] = ring[0];
        return Polygon(ring);
    }

    public static double Wrap(double delta)
    {
        while (delta >= 180)
        {
            delta -= 360;
        }

        while (delta < -180)
        {
            delta += 360;
        }

        return delta;
    }

    public static string Describe(IEnumerable<GeofenceValidationError> errors)
    {
        var text = new StringBuilder();
        foreach (var e in errors)
        {
            text.Append(e.Field).Append(": ").Append(e.Message).Append('\n');
        }

        return text.ToString();
    }
}
