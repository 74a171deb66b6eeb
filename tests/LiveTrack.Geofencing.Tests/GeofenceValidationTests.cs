using System.Globalization;
using System.Text;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class GeofenceValidationTests
{
    private const string Square = "[[0,0],[1,0],[1,1],[0,1],[0,0]]";

    [Theory]
    // Documents
    [InlineData("not json", "$", "not valid JSON")]
    [InlineData("[1,2]", "$", "expected a GeoJSON object")]
    [InlineData("{}", "type", "required")]
    [InlineData("{'type':'Topology'}", "type", "unsupported type")]
    [InlineData("{'type':'Polygon','coordinates':[" + Square + "]}", "type", "wrap it in a Feature")]
    [InlineData("{'type':'FeatureCollection'}", "features", "required")]
    [InlineData("{'type':'FeatureCollection','features':[]}", "features", "at least one")]
    [InlineData("{'type':'FeatureCollection','features':[7]}", "features[0]", "expected a Feature")]
    [InlineData("{'type':'FeatureCollection','features':[{'type':'Place','geometry':{'type':'Polygon','coordinates':[" + Square + "]}}]}", "features[0].type", "must be \"Feature\"")]
    // Geometry type
    [InlineData("{'type':'Feature','properties':{}}", "geometry", "required")]
    [InlineData("{'type':'Feature','geometry':null}", "geometry", "required")]
    [InlineData("{'type':'Feature','geometry':{'coordinates':[" + Square + "]}}", "geometry.type", "required")]
    [InlineData("{'type':'Feature','geometry':{'type':'LineString','coordinates':[[0,0],[1,1]]}}", "geometry.type", "unsupported geometry type \"LineString\"")]
    [InlineData("{'type':'Feature','geometry':{'type':'GeometryCollection','geometries':[]}}", "geometry.type", "unsupported geometry type")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon'}}", "geometry.coordinates", "required")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[]}}", "geometry.coordinates", "at least one linear ring")]
    [InlineData("{'type':'Feature','geometry':{'type':'MultiPolygon','coordinates':[]}}", "geometry.coordinates", "at least one polygon")]
    // Rings
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,1],[0,1]]]}}", "geometry.coordinates[0][3]", "not closed")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0],[0,0]]]}}", "geometry.coordinates[0]", "at least 4 positions")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[" + Square + ",[[0.2,0.2],[0.4,0.2],[0.2,0.2]]]}}", "geometry.coordinates[1]", "at least 4 positions")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]}}", "geometry.coordinates[0][4]", "[0, 0]")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[7]}}", "geometry.coordinates[0]", "array of positions")]
    // Positions
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,91],[0,1],[0,0]]]}}", "geometry.coordinates[0][2]", "latitude 91 is outside -90..90")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,-90.5],[1,1],[0,1],[0,0]]]}}", "geometry.coordinates[0][1]", "latitude -90.5")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[541,0],[1,1],[0,1],[0,0]]]}}", "geometry.coordinates[0][1]", "longitude 541 is outside -540..540")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[181,0],[182,0],[182,1],[181,1],[181,0]]]}}", "geometry.coordinates[0][0]", "longitude 181 is outside -180..180")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],['1',0],[1,1],[0,1],[0,0]]]}}", "geometry.coordinates[0][1]", "numbers only")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,null],[1,1],[0,1],[0,0]]]}}", "geometry.coordinates[0][1]", "numbers only")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1],[1,1],[0,1],[0,0]]]}}", "geometry.coordinates[0][1]", "[longitude, latitude]")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0,0,0],[1,1],[0,1],[0,0]]]}}", "geometry.coordinates[0][1]", "[longitude, latitude]")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],{'lon':1},[1,1],[0,1],[0,0]]]}}", "geometry.coordinates[0][1]", "[longitude, latitude]")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[-170,0],[170,0],[200,1],[-170,1],[-170,0]]]}}", "geometry.coordinates", "at most 360")]
    [InlineData("{'type':'Feature','geometry':{'type':'Point','coordinates':[181,0]},'properties':{'radiusNm':5}}", "geometry.coordinates", "longitude 181 is outside -180..180")]
    [InlineData("{'type':'Feature','geometry':{'type':'MultiPolygon','coordinates':[[" + Square + "],[[[5,5],[6,5],[6,95],[5,6],[5,5]]]]}}", "geometry.coordinates[1][0][2]", "latitude 95")]
    // Topology
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}", "geometry.coordinates[0]", "crosses or touches itself at [0.5, 0.5]")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[" + Square + ",[[0.2,0.2],[0.8,0.8],[0.8,0.2],[0.2,0.8],[0.2,0.2]]]}}", "geometry.coordinates[1]", "crosses or touches itself")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[" + Square + ",[[0.5,0.5],[1.5,0.5],[1.5,0.7],[0.5,0.7],[0.5,0.5]]]}}", "geometry.coordinates", "rings 0 and 1 cross")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[" + Square + ",[[2,2],[3,2],[3,3],[2,3],[2,2]]]}}", "geometry.coordinates[1]", "hole lies outside")]
    [InlineData("{'type':'Feature','geometry':{'type':'MultiPolygon','coordinates':[[" + Square + "],[[[0.5,0.5],[2,0.5],[2,2],[0.5,2],[0.5,0.5]]]]}}", "geometry.coordinates", "polygons 0 and 1 of the MultiPolygon overlap")]
    // Properties
    [InlineData("{'type':'Feature','properties':{'floorFt':5000,'ceilingFt':1000},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.floorFt", "floorFt (5000) is above ceilingFt (1000)")]
    [InlineData("{'type':'Feature','properties':{'floorFt':100.5},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.floorFt", "whole number of feet")]
    [InlineData("{'type':'Feature','properties':{'ceilingFt':'high'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.ceilingFt", "whole number of feet")]
    [InlineData("{'type':'Feature','properties':{'ceilingFt':200000},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.ceilingFt", "between -2000 and 130000")]
    [InlineData("{'type':'Feature','properties':{'bufferNm':-1},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.bufferNm", "between 0 and 200")]
    [InlineData("{'type':'Feature','properties':{'bufferNm':200.5},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.bufferNm", "between 0 and 200")]
    [InlineData("{'type':'Feature','properties':{'bufferNm':'12'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.bufferNm", "must be a number")]
    [InlineData("{'type':'Feature','properties':{},'geometry':{'type':'Point','coordinates':[0,0]}}", "properties.radiusNm", "required for a Point")]
    [InlineData("{'type':'Feature','properties':{'radiusNm':0},'geometry':{'type':'Point','coordinates':[0,0]}}", "properties.radiusNm", "greater than 0 and at most 500")]
    [InlineData("{'type':'Feature','properties':{'radiusNm':500.1},'geometry':{'type':'Point','coordinates':[0,0]}}", "properties.radiusNm", "greater than 0 and at most 500")]
    [InlineData("{'type':'Feature','properties':{'radiusNm':5},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.radiusNm", "only applies to a Point")]
    [InlineData("{'type':'Feature','properties':{'tags':['a',3]},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.tags[1]", "must be a string")]
    [InlineData("{'type':'Feature','properties':{'tags':'a'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.tags", "array of strings")]
    [InlineData("{'type':'Feature','properties':{'name':5},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.name", "must be a string")]
    [InlineData("{'type':'Feature','properties':{'name':'  '},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.name", "1 to 200 characters")]
    [InlineData("{'type':'Feature','properties':{'id':'has space'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.id", "A–Z a–z 0–9")]
    [InlineData("{'type':'Feature','id':'a','properties':{'id':'b'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.id", "differs from the Feature")]
    [InlineData("{'type':'Feature','properties':[],'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties", "object or null")]
    // Paths inside a FeatureCollection
    [InlineData("{'type':'FeatureCollection','features':[{'type':'Feature','geometry':{'type':'Polygon','coordinates':[" + Square + "]}},{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,1],[0,1],[0,2]]]}}]}", "features[1].geometry.coordinates[0][4]", "not closed")]
    [InlineData("{'type':'FeatureCollection','features':[{'type':'Feature','properties':{'id':'x'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}},{'type':'Feature','properties':{'id':'x'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}]}", "features[1].properties.id", "already used by features[0].properties.id")]
    [InlineData("{'type':'FeatureCollection','features':[{'type':'Feature','geometry':{'type':'Polygon','coordinates':[" + Square + "]}},{'type':'Feature','properties':{'ceilingFt':10,'floorFt':20},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}]}", "features[1].properties.floorFt", "above ceilingFt")]
    public void An_invalid_document_names_the_offending_field(string document, string field, string message)
    {
        var result = GeofenceParser.Parse(Json(document));

        Assert.False(result.IsValid);
        Assert.Empty(result.Fences);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(Json(message), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'type':'Feature','properties':{'name':'a','name':'b'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}", "properties.name", "given more than once")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','type':'Polygon','coordinates':[" + Square + "]}}", "geometry.type", "given more than once")]
    [InlineData("{'type':'Feature','geometry':{'type':'Polygon','coordinates':[" + Square + "]},'geometry':null}", "geometry", "given more than once")]
    [InlineData("{'type':'Feature','geometry':{'type':'polygon','coordinates':[" + Square + "]}}", "geometry.type", "unsupported geometry type \"polygon\"")]
    [InlineData("{'type':'Feature','geometry':5}", "geometry", "must be a GeoJSON geometry object")]
    [InlineData("{'type':'FeatureCollection','features':{}}", "features", "required: an array of Features")]
    [InlineData("{'type':'FeatureCollection','features':[{'type':'Feature','properties':{'floorFt':'low'},'geometry':{'type':'Polygon','coordinates':[" + Square + "]}}]}", "features[0].properties.floorFt", "whole number of feet")]
    public void A_shape_error_of_the_serializer_names_its_json_path(string document, string field, string message)
    {
        var error = Assert.Single(GeofenceParser.Parse(Json(document)).Errors);

        Assert.Equal(field, error.Field);
        Assert.Contains(Json(message), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_members_are_kept_and_ignored_and_the_geometry_type_may_come_last()
    {
        var json = Json("{'type':'Feature','bbox':[0,0,1,1],'title':'x','properties':{'name':'Box','kind':'drawn','Name':'other','provenance':{'by':'me'}},"
            + "'geometry':{'coordinates':[" + Square + "],'bbox':[0,0,1,1],'type':'Polygon'}}");

        var fence = Assert.Single(GeofenceParser.Parse(json).Fences);

        Assert.Equal("Box", fence.Name);
        Assert.Equal(json, fence.SourceGeoJson);
    }

    [Fact]
    public void Every_error_of_a_document_is_reported_not_just_the_first()
    {
        var result = GeofenceParser.Parse(Json(
            "{'type':'Feature','properties':{'floorFt':9000,'ceilingFt':100,'bufferNm':-3},'geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,95],[0,1],[0,0]],[[0.2,0.2],[0.3,0.2],[0.2,0.2]]]}}"));

        Assert.Equal(
            ["properties.bufferNm", "properties.floorFt", "geometry.coordinates[0][2]", "geometry.coordinates[1]"],
            result.Errors.Select(e => e.Field));
        Assert.Equal(["must be between 0 and 200 nautical miles"], result.ErrorsByField()["properties.bufferNm"]);
    }

    [Fact]
    public void A_fence_of_exactly_the_vertex_limit_is_accepted_and_one_more_is_refused()
    {
        Assert.Equal(10_000, GeofenceParser.MaxVertices);

        var atLimit = GeofenceParser.Parse(Feature(RingOf(GeofenceParser.MaxVertices)));
        var overLimit = GeofenceParser.Parse(Feature(RingOf(GeofenceParser.MaxVertices + 1)));

        Assert.True(atLimit.IsValid, Describe(atLimit.Errors));
        var error = Assert.Single(overLimit.Errors);
        Assert.Equal("geometry.coordinates", error.Field);
        Assert.Contains("at most 10000 per fence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_vertex_limit_counts_holes_and_every_polygon_of_a_multipolygon()
    {
        // Two polygons of 5,001 positions each: neither alone is over the limit, together they are.
        var first = RingOf(5_001, centreLon: 0);
        var second = RingOf(5_001, centreLon: 10);
        var multi = "{\"type\":\"MultiPolygon\",\"coordinates\":["
            + first[(first.IndexOf('[', StringComparison.Ordinal))..^1] + ","
            + second[(second.IndexOf('[', StringComparison.Ordinal))..^1] + "]}";

        var result = GeofenceParser.Parse(Feature(multi));

        Assert.Equal("geometry.coordinates", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void At_most_the_error_limit_is_reported()
    {
        var positions = string.Join(",", Enumerable.Range(0, 300).Select(i => $"[{i % 100},95]"));
        var result = GeofenceParser.Parse("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + positions + "]]}}");

        Assert.Equal(GeofenceParser.MaxErrors, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("geometry.coordinates[0][", e.Field, StringComparison.Ordinal));
    }

    [Fact]
    public void Too_many_features_are_refused()
    {
        var feature = Feature(Polygon(Box(0, 0, 1, 1)));
        var result = GeofenceParser.Parse(Collection(Enumerable.Repeat(feature, GeofenceParser.MaxFeatures + 1).ToArray()));

        Assert.Equal("features", Assert.Single(result.Errors).Field);
    }

    /// <summary>A Polygon geometry whose one ring has exactly <paramref name="positions"/> positions (a closed circle).</summary>
    private static string RingOf(int positions, double centreLon = 0)
    {
        var text = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        var n = positions - 1;
        for (var i = 0; i <= n; i++)
        {
            var angle = 2 * Math.PI * (i % n) / n;
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(CultureInfo.InvariantCulture, $"[{Number(centreLon + Math.Cos(angle))},{Number(Math.Sin(angle))}]");
        }

        return text.Append("]]}").ToString();
    }
}
