using System.Globalization;
using System.Text;
using LiveTrack.Geo;
using LiveTrack.Geofencing;
using LiveTrack.History;
using LiveTrack.Verdicts;

namespace LiveTrack.Benchmarks;

/// <summary>
/// The verdict part of <c>--history-store</c>: ae01c5's day-4 positions fly an orbit (centre 24.5 N, 110 W, radius
/// 1.2°, one lap per 2 h) that crosses a 60 nm circle (a 256-vertex polygon around 25.5 N, 110 W) twice a lap.
/// </summary>
internal static class VerdictMeasurement
{
    private static readonly VerdictFence Fence = Circle();

    public static (double Latitude, double Longitude) Orbit(DateTimeOffset at)
    {
        var angle = 2 * Math.PI * (at - at.Date).TotalHours / 2;
        return (24.5 + (1.2 * Math.Sin(angle)), -110 + (1.2 * Math.Cos(angle)));
    }

    public static Verdict Decide(IReadOnlyList<PositionRecord> track, DateTimeOffset from, DateTimeOffset to) =>
        VerdictEngine.Decide(Fence, "ae01c5", track.Select(p => new VerdictPosition(
            p.At, p.Latitude, p.Longitude, p.BarometricAltitudeFeet, p.GeometricAltitudeFeet, p.GroundSpeedKnots,
            (VerdictPositionSource)p.Source, p.Feed, p.Nic, p.NacP, p.ContainmentRadiusMeters)), from, to);

    private static VerdictFence Circle()
    {
        var centre = new GeoPoint(25.5, -110);
        var ring = new StringBuilder();
        for (var i = 0; i <= 256; i++)
        {
            var point = Geodesy.Destination(centre, 360.0 * (i % 256) / 256, 60);
            ring.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : string.Empty)}[{point.Longitude:F6},{point.Latitude:F6}]");
        }

        var json = $$"""{ "type": "Feature", "id": "bench-circle", "properties": { "name": "Benchmark circle" }, "geometry": { "type": "Polygon", "coordinates": [[{{ring}}]] } }""";
        return VerdictFence.From(GeofenceParser.Parse(json).Fences.Single());
    }
}
