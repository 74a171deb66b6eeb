using NetTopologySuite.Algorithm;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class GeofenceGeoJsonTests
{
    [Fact]
    public void The_effective_geometry_written_as_GeoJSON_parses_back_to_the_same_fence()
    {
        var buffered = ParseOne(MultiPolygon([Box(179, 10, 180, 11)], [Box(-180, 10, -179, 11), Box(-179.6, 10.4, -179.4, 10.6)]), "{\"bufferNm\":5}");

        var written = GeofenceGeoJson.ToGeoJson(buffered.Geometry);
        var reparsed = ParseOne(Feature(written));

        Assert.StartsWith("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[", written, StringComparison.Ordinal);
        Assert.True(reparsed.Geometry.EqualsTopologically(buffered.Geometry));
        Assert.Equal(buffered.Geometry.NumPoints, reparsed.Geometry.NumPoints);
    }

    [Fact]
    public void Written_rings_follow_the_right_hand_rule()
    {
        // Drawn clockwise outside, counterclockwise hole: RFC 7946 wants the opposite, and the writer turns them.
        var fence = ParseOne(Feature(Polygon([.. Box(0, 0, 4, 4).Reverse()], Box(1, 1, 2, 2))));

        var reparsed = ParseOne(Feature(GeofenceGeoJson.ToGeoJson(fence.Geometry)));

        var polygon = Assert.IsType<NetTopologySuite.Geometries.Polygon>(reparsed.Geometry);
        Assert.True(Orientation.IsCCW(polygon.ExteriorRing.Coordinates));
        Assert.False(Orientation.IsCCW(polygon.InteriorRings[0].Coordinates));
    }
}
