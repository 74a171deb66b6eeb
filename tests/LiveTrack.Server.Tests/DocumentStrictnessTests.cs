using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveTrack.Alerting;
using LiveTrack.Geofencing;

namespace LiveTrack.Server.Tests;

/// <summary>
/// Rule and fence bodies are read by the serializer's strict contract: an unknown member, a repeated member, a value of
/// the wrong type or an unknown trigger kind or geometry type is a 400 problem naming its JSON path; the documents the
/// repository ships and the README shows still read.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class DocumentStrictnessTests(ServerFixture fixture)
{
    private const string Ring = "[[-111,26],[-110,26],[-110,27],[-111,27],[-111,26]]";

    [Theory]
    [InlineData("rules", "{'id':'s1','trigger':{'kind':'emergency'},'cooldown':60}", "cooldown", "unknown property \"cooldown\" of an alert rule")]
    [InlineData("rules", "{'id':'s2','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://127.0.0.1:9/','secret':'0123456789abcdef','header':1}]}", "webhooks[0].header", "unknown property \"header\" of a webhook")]
    [InlineData("rules", "{'id':'s3','trigger':{'kind':'emergency'},'trigger':{'kind':'squawk'}}", "trigger", "given more than once")]
    [InlineData("rules", "{'id':'s4','trigger':{'kind':'squawk','kind':'emergency'}}", "trigger.kind", "given more than once")]
    [InlineData("rules", "{'id':'s5','trigger':{'kind':'altitude'}}", "trigger.kind", "unknown trigger kind \"altitude\"")]
    [InlineData("rules", "{'id':'s6','trigger':{'kind':'emergency'},'cooldownSeconds':'600'}", "cooldownSeconds", "must be a number of seconds")]
    [InlineData("geofences", "{'type':'Feature','properties':{'name':'a','name':'b'},'geometry':{'type':'Polygon','coordinates':[" + Ring + "]}}", "properties.name", "given more than once")]
    [InlineData("geofences", "{'type':'Feature','geometry':{'type':'LineString','coordinates':[[0,0],[1,1]]}}", "geometry.type", "unsupported geometry type \"LineString\"")]
    [InlineData("geofences", "{'type':'FeatureCollection','features':[{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[-111,26],['-110',26],[-110,27],[-111,27],[-111,26]]]}}]}", "features[0].geometry.coordinates[0][1]", "numbers only")]
    public async Task A_shape_error_is_a_400_problem_naming_its_json_path(string resource, string body, string field, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/" + resource)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace('\'', '"'))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);

        using var response = await fixture.Server.Http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        var property = Assert.Single(errors.EnumerateObject());
        Assert.Equal(field, property.Name);
        Assert.Contains(message, Assert.Single(property.Value.EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_demo_rules_and_fence_files_read()
    {
        var root = OpenApiTests.RepositoryRoot();
        using var rules = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src/LiveTrack.Server/rules/demo.json")));
        var context = new RuleValidationContext(_ => true, new WebhookAllowList([]));
        var parsed = rules.RootElement.EnumerateArray().Select(r => AlertRuleParser.Parse(r, context)).ToArray();
        var fences = Directory.GetFiles(Path.Combine(root, "src/LiveTrack.Server/geofences"), "*.geojson")
            .Select(f => GeofenceParser.Parse(File.ReadAllText(f))).ToArray();

        Assert.Equal(["us-military-enters-mexican-airspace", "emergency-squawk"], parsed.Select(p => p.Rule?.Id));
        Assert.NotEmpty(fences);
        Assert.All(fences, f => Assert.True(f.IsValid, string.Join("; ", f.Errors)));
    }

    [Fact]
    public void The_readme_rule_and_fence_examples_read()
    {
        var readme = File.ReadAllText(Path.Combine(OpenApiTests.RepositoryRoot(), "README.md"));
        var bodies = CurlBody().Matches(readme).Select(m => m.Groups["body"].Value).ToArray();
        var rules = bodies.Where(b => b.Contains("\"trigger\"", StringComparison.Ordinal)).ToArray();
        var fences = bodies.Where(b => b.Contains("\"Feature\"", StringComparison.Ordinal)).ToArray();
        var context = new RuleValidationContext(_ => true, new WebhookAllowList(["hooks.example.com"]));

        Assert.True(rules.Length >= 3, $"{rules.Length} rule examples found");
        Assert.NotEmpty(fences);
        Assert.All(rules, r => Assert.True(AlertRuleParser.Parse(r, context).IsValid, r));
        Assert.All(fences, f => Assert.True(GeofenceParser.Parse(f).IsValid, f));
    }

    [GeneratedRegex(@"curl -s -X POST http://127\.0\.0\.1:5080/api/(?:rules|geofences) [^\n]*?(?:\\\n[^\n]*?)?-d '(?<body>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex CurlBody();
}
