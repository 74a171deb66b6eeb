using System.Net;
using System.Text;
using System.Text.Json;

namespace LiveTrack.Server.Tests;

/// <summary>
/// National airspace through the API and the start-up configuration, on servers of their own (a whole country's
/// fence would add events to other tests' aircraft), reading the real OSM package the build installed.
/// </summary>
public sealed class NationalAirspaceApiTests
{
    private static HttpRequestMessage Import(string body, string? key = LiveTrackTestServer.ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences/national") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task Importing_MEX_gives_a_fence_with_its_provenance_and_tolerance_and_reimporting_changes_nothing()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var http = server.Http;

        var response = await http.SendAsync(Import("""{ "countries": ["MEX", "us"], "dataset": "osm-maritime-1000m", "names": { "MEX": "Mexican national airspace" } }"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("1.1.0", result.RootElement.GetProperty("packageVersion").GetString());
        var fences = result.RootElement.GetProperty("fences").EnumerateArray().ToList();
        Assert.Equal(["national-airspace-mex", "national-airspace-usa"], fences.Select(f => f.GetProperty("id").GetString()));
        Assert.All(fences, f => Assert.Equal("Created", f.GetProperty("status").GetString()));
        Assert.Equal("USA", fences[1].GetProperty("country").GetString());

        using var fence = JsonDocument.Parse(await http.GetStringAsync("/api/geofences/national-airspace-mex"));
        var properties = fence.RootElement.GetProperty("properties");
        Assert.Equal("Mexican national airspace", properties.GetProperty("name").GetString());
        Assert.Equal("national-airspace", properties.GetProperty("kind").GetString());
        Assert.Equal(1000 / 1852.0, properties.GetProperty("toleranceNm").GetDouble(), 9);
        Assert.Equal(1, properties.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("floorFt").ValueKind);
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("ceilingFt").ValueKind);
        var provenance = properties.GetProperty("provenance");
        Assert.Equal("osm-maritime-1000m", provenance.GetProperty("dataset").GetString());
        Assert.Equal("@osm_borders/maritime_1000m", provenance.GetProperty("package").GetString());
        Assert.Equal("1.1.0", provenance.GetProperty("packageVersion").GetString());
        Assert.Equal("ODbL-1.0", provenance.GetProperty("licence").GetString());
        Assert.Equal("© OpenStreetMap contributors", provenance.GetProperty("attribution").GetString());
        Assert.Equal(1000, provenance.GetProperty("resolutionM").GetDouble());
        Assert.Equal("MEX", provenance.GetProperty("countries")[0].GetString());
        Assert.True(provenance.GetProperty("importedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("MultiPolygon", fence.RootElement.GetProperty("geometry").GetProperty("type").GetString());

        var again = await http.SendAsync(Import("""{ "countries": ["MX"] }"""));
        using var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal("Unchanged", second.RootElement.GetProperty("fences")[0].GetProperty("status").GetString());
        Assert.Equal(1, second.RootElement.GetProperty("fences")[0].GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{ "countries": ["MEX", "XYZ"] }""", "countries[1]", "XYZ")]
    [InlineData("""{ "countries": [] }""", "countries", "at least one")]
    [InlineData("""{ "countries": ["MEX"], "dataset": "natural-earth" }""", "dataset", "natural-earth")]
    [InlineData("""{ "countries": ["MEX"], "dataset": "osm-maritime-10m" }""", "dataset", "not installed")]
    [InlineData("""{ "countries": ["MEX"], "floorFt": 5000, "ceilingFt": 1000 }""", "floorFt", "above")]
    [InlineData("""{ "countries": ["MEX"], "buffer": 12 }""", "buffer", "buffer")]
    [InlineData("""{ "countries": "MEX" }""", "countries", "")]
    [InlineData("""{ "countries": ["MEX"], "names": { "USA": "x" } }""", "names.USA", "not one of")]
    public async Task An_invalid_import_is_a_400_problem_naming_the_field(string body, string field, string mention)
    {
        await using var server = await LiveTrackTestServer.StartAsync();

        var response = await server.Http.SendAsync(Import(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;
        Assert.Contains(mention, message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/api/geofences/national-airspace-mex")).StatusCode);
    }

    [Fact]
    public async Task Importing_needs_an_api_key_and_the_dataset_list_does_not()
    {
        await using var server = await LiveTrackTestServer.StartAsync();

        var refused = await server.Http.SendAsync(Import("""{ "countries": ["MEX"] }""", key: null));
        using var list = JsonDocument.Parse(await server.Http.GetStringAsync("/api/geofences/datasets"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var datasets = list.RootElement.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        var installed = datasets["osm-maritime-1000m"];
        Assert.True(installed.GetProperty("installed").GetBoolean());
        Assert.Equal("@osm_borders/maritime_1000m", installed.GetProperty("package").GetString());
        Assert.Equal("1.1.0", installed.GetProperty("packageVersion").GetString());
        Assert.Equal(1000, installed.GetProperty("resolutionM").GetDouble());
        Assert.Equal("ODbL-1.0", installed.GetProperty("licence").GetString());
        Assert.Equal("© OpenStreetMap contributors", installed.GetProperty("attribution").GetString());
        Assert.InRange(installed.GetProperty("countries").GetInt32(), 200, 300);
        Assert.False(datasets["osm-maritime-10m"].GetProperty("installed").GetBoolean());
    }

    [Fact]
    public async Task The_configured_countries_are_imported_at_start_and_a_newer_dataset_version_makes_a_new_fence_version()
    {
        var store = Path.Combine(Path.GetTempPath(), $"livetrack-national-{Guid.NewGuid():N}");
        var newer = Path.Combine(Path.GetTempPath(), $"livetrack-boundaries-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["LiveTrack:Geofences:StorePath"] = store,
            ["LiveTrack:Geofences:NationalAirspace:Countries:0"] = "MEX",
        };
        try
        {
            await using (var first = await LiveTrackTestServer.StartAsync(settings: settings))
            {
                Assert.Equal(1, await VersionOf(first));
            }

            // The same package at a later version, as an upgraded npm lock file would install it.
            var installed = Path.Combine(AppContext.BaseDirectory, "boundaries", "maritime_1000m");
            Directory.CreateDirectory(Path.Combine(newer, "maritime_1000m"));
            File.Copy(Path.Combine(installed, "borders.geo.json"), Path.Combine(newer, "maritime_1000m", "borders.geo.json"));
            await File.WriteAllTextAsync(Path.Combine(newer, "maritime_1000m", "package.json"), """{ "name": "@osm_borders/maritime_1000m", "version": "1.2.0" }""");
            settings["LiveTrack:Geofences:NationalAirspace:BoundariesPath"] = newer;

            await using var second = await LiveTrackTestServer.StartAsync(settings: settings);
            using var fence = JsonDocument.Parse(await second.Http.GetStringAsync("/api/geofences/national-airspace-mex"));
            var properties = fence.RootElement.GetProperty("properties");
            Assert.Equal(2, properties.GetProperty("version").GetInt32());
            Assert.Equal("1.2.0", properties.GetProperty("provenance").GetProperty("packageVersion").GetString());
        }
        finally
        {
            foreach (var folder in new[] { store, newer })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        static async Task<int> VersionOf(LiveTrackTestServer server)
        {
            using var fence = JsonDocument.Parse(await server.Http.GetStringAsync("/api/geofences/national-airspace-mex"));
            return fence.RootElement.GetProperty("properties").GetProperty("version").GetInt32();
        }
    }

    [Fact]
    public async Task A_drawn_fence_cannot_pose_as_national_airspace()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences")
        {
            Content = new StringContent("""
                { "type": "Feature", "id": "fake", "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 26]]] },
                  "properties": { "kind": "national-airspace", "provenance": { "dataset": "osm-maritime-1000m" } } }
                """, Encoding.UTF8, "application/geo+json"),
        };
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("properties.kind", out _));
    }
}
