using NetTopologySuite.Geometries;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class GeofenceParserTests
{
    [Fact]
    public void A_polygon_feature_becomes_one_fence_with_its_properties()
    {
        var json = Feature(
            Polygon(Box(-112, 25, -110, 27)),
            Json("{'id':'gulf-1','name':' Gulf box ','tags':['osint','gulf','osint'],'floorFt':1000,'ceilingFt':45000,'note':'kept'}"));

        var fence = ParseOne(json);

        Assert.Equal("gulf-1", fence.Id);
        Assert.Equal("Gulf box", fence.Name);
        Assert.Equal(["osint", "gulf"], fence.Tags);
        Assert.Equal(1000, fence.FloorFeet);
        Assert.Equal(45000, fence.CeilingFeet);
        Assert.Equal(0, fence.BufferNauticalMiles);
        Assert.True(fence.HasAltitudeBand);
        var polygon = Assert.IsType<Polygon>(fence.Geometry);
        Assert.Equal(4.0, polygon.Area, 9);
        Assert.Equal(json, fence.SourceGeoJson);
    }

    [Fact]
    public void A_polygon_is_inside_on_its_boundary_and_outside_beyond_it()
    {
        var fence = ParseOne(Feature(Polygon(Box(-112, 25, -110, 27))));

        Assert.True(fence.Contains(26, -111, null));
        Assert.True(fence.Contains(25, -111, null));
        Assert.True(fence.Contains(27, -110, 35000));
        Assert.False(fence.Contains(27.001, -111, null));
        Assert.False(fence.Contains(26, -109.999, null));
    }

    [Fact]
    public void A_feature_collection_gives_one_fence_per_feature_in_order()
    {
        var next = 0;
        var result = GeofenceParser.Parse(
            Collection(
                Feature(Polygon(Box(0, 0, 1, 1)), Json("{'name':'first'}")),
                Feature(Circle(10, 10), Json("{'radiusNm':5}")),
                Feature(MultiPolygon([Box(20, 0, 21, 1)], [Box(22, 0, 23, 1)]), "null")),
            () => $"generated-{++next}");

        Assert.True(result.IsValid, Describe(result.Errors));
        Assert.Equal(["generated-1", "generated-2", "generated-3"], result.Fences.Select(f => f.Id));
        Assert.Equal(["first", "generated-2", "generated-3"], result.Fences.Select(f => f.Name));
        Assert.IsType<Polygon>(result.Fences[0].Geometry);
        Assert.IsType<Polygon>(result.Fences[1].Geometry);
        Assert.IsType<MultiPolygon>(result.Fences[2].Geometry);
        Assert.StartsWith("{\"type\":\"Feature\",\"properties\":{\"radiusNm\":5}", result.Fences[1].SourceGeoJson, StringComparison.Ordinal);
    }

    [Fact]
    public void The_features_own_id_is_used_when_the_properties_have_none()
    {
        var byString = ParseOne(Json("{'type':'Feature','id':'base-7','geometry':") + Polygon(Box(0, 0, 1, 1)) + "}");
        var byNumber = ParseOne(Json("{'type':'Feature','id':42,'properties':{},'geometry':") + Polygon(Box(0, 0, 1, 1)) + "}");

        Assert.Equal("base-7", byString.Id);
        Assert.Equal("42", byNumber.Id);
    }

    [Fact]
    public void A_polygon_with_a_hole_excludes_the_hole()
    {
        var fence = ParseOne(Feature(Polygon(Box(0, 0, 4, 4), Box(1, 1, 3, 3))));

        Assert.True(fence.Contains(0.5, 0.5, null));
        Assert.True(fence.Contains(3.5, 2, null));
        Assert.False(fence.Contains(2, 2, null));
        Assert.True(fence.Contains(1, 2, null)); // on the hole's edge: the boundary counts as inside
        Assert.Equal(12.0, fence.Geometry.Area, 9);
    }

    [Fact]
    public void A_multipolygon_is_one_fence_covering_every_part_and_nothing_between()
    {
        var fence = ParseOne(Feature(MultiPolygon([Box(0, 0, 1, 1)], [Box(5, 5, 6, 6), Box(5.4, 5.4, 5.6, 5.6)])));

        Assert.True(fence.Contains(0.5, 0.5, null));
        Assert.True(fence.Contains(5.2, 5.2, null));
        Assert.False(fence.Contains(5.5, 5.5, null)); // the second part's hole
        Assert.False(fence.Contains(3, 3, null));
        Assert.Equal(2, fence.Geometry.NumGeometries);
    }

    [Fact]
    public void Clockwise_outer_rings_and_positions_with_altitude_are_accepted()
    {
        var fence = ParseOne(Feature(Json("{'type':'Polygon','coordinates':[[[0,0,100],[0,1,100],[1,1,100],[1,0,100],[0,0,100]]]}")));

        Assert.True(fence.Contains(0.5, 0.5, null));
        Assert.Equal(1.0, fence.Geometry.Area, 9);
    }

    [Fact]
    public void A_floor_alone_makes_a_fence_open_upwards_that_needs_a_known_altitude()
    {
        var fence = ParseOne(Polygon(Box(0, 0, 1, 1)), Json("{'floorFt':-500}"));

        Assert.True(fence.Contains(0.5, 0.5, -500));
        Assert.True(fence.Contains(0.5, 0.5, 60000));
        Assert.False(fence.Contains(0.5, 0.5, -501));
        Assert.False(fence.Contains(0.5, 0.5, null));
    }

    [Fact]
    public void A_two_dimensional_fence_ignores_altitude_even_when_unknown()
    {
        var fence = ParseOne(Feature(Polygon(Box(0, 0, 1, 1))));

        Assert.False(fence.HasAltitudeBand);
        Assert.True(fence.Contains(0.5, 0.5, null));
        Assert.True(fence.Contains(0.5, 0.5, -1000));
        Assert.True(fence.Contains(0.5, 0.5, 99000));
    }

    [Fact]
    public void Parsing_the_same_document_twice_gives_equal_definitions()
    {
        var json = Feature(Polygon(Box(0, 0, 1, 1)), Json("{'id':'a','tags':['x','y']}"));

        Assert.Equal(ParseOne(json), ParseOne(json));
        Assert.NotEqual(ParseOne(json), ParseOne(json.Replace("'y'", "'z'", StringComparison.Ordinal).Replace("\"y\"", "\"z\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_parser_accepts_utf8_bytes()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Feature(Polygon(Box(0, 0, 1, 1)), Json("{'id':'bytes'}")));

        var result = GeofenceParser.Parse(bytes);

        Assert.Equal("bytes", Assert.Single(result.Fences).Id);
    }
}
