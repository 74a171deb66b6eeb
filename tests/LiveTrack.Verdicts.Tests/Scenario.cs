using System.Globalization;
using LiveTrack.Geo;
using LiveTrack.Geofencing;

namespace LiveTrack.Verdicts.Tests;

/// <summary>Fences from GeoJSON and tracks built report by report for the verdict tests.</summary>
internal static class Scenario
{
    public static readonly DateTimeOffset T0 = new(2025, 2, 17, 14, 0, 0, TimeSpan.Zero);

    public static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A lon/lat box fence, with extra GeoJSON properties (without braces).</summary>
    public static VerdictFence Box(double minLon, double minLat, double maxLon, double maxLat, string properties = "\"name\":\"Box\"")
    {
        var ring = $"[[{N(minLon)},{N(minLat)}],[{N(maxLon)},{N(minLat)}],[{N(maxLon)},{N(maxLat)}],[{N(minLon)},{N(maxLat)}],[{N(minLon)},{N(minLat)}]]";
        var json = "{\"type\":\"Feature\",\"properties\":{\"id\":\"test-fence\"," + properties + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
        var result = GeofenceParser.Parse(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return VerdictFence.From(Assert.Single(result.Fences));
    }

    public static VerdictPosition At(
        double seconds,
        double lat,
        double lon,
        int? altitude = 30_000,
        VerdictPositionSource source = VerdictPositionSource.Adsb,
        double? speed = 400,
        int? nacP = null,
        string callsign = "JAKE21") =>
        new(T0.AddSeconds(seconds), lat, lon, altitude, null, speed, source, "test", NacP: nacP, Callsign: callsign);

    /// <summary>Reports every <paramref name="step"/> seconds along the great circle from a point on a bearing, starting at <paramref name="offset"/> steps.</summary>
    public static List<VerdictPosition> Line(
        GeoPoint start,
        double bearing,
        double knots,
        double step,
        int count,
        double startSeconds = 0,
        double offset = 0,
        int? altitude = 30_000)
    {
        var list = new List<VerdictPosition>(count);
        for (var k = 0; k < count; k++)
        {
            var t = (k + offset) * step;
            var p = Geodesy.Destination(start, bearing, knots * t / 3600);
            list.Add(At(startSeconds + (k * step), p.Latitude, p.Longitude, altitude, speed: knots));
        }

        return list;
    }

    public static Verdict Decide(VerdictFence fence, IEnumerable<VerdictPosition> positions, VerdictOptions? options = null)
    {
        var list = positions.ToList();
        return VerdictEngine.Decide(fence, "ae1234", list, list.Min(p => p.Time), list.Max(p => p.Time), options);
    }
}
