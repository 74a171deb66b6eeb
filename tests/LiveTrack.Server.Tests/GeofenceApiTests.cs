using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LiveTrack.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class GeofenceApiTests(ServerFixture fixture)
{
    private static string Square(string id, string name = "Gulf box", string extra = "") => $$"""
        { "type": "Feature", "id": "{{id}}",
          "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] },
          "properties": { "name": "{{name}}", "tags": ["demo", "gulf"] {{extra}} } }
        """;

    private static HttpRequestMessage Write(HttpMethod method, string path, string? body, string? key = LiveTrackTestServer.ApiKey)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/geo+json");
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task Writes_without_a_valid_api_key_are_401_problems_and_change_nothing()
    {
        var http = fixture.Server.Http;
        var id = $"nokey-{Guid.NewGuid():N}";

        var missing = await http.SendAsync(Write(HttpMethod.Post, "/api/geofences", Square(id), key: null));
        var wrong = await http.SendAsync(Write(HttpMethod.Post, "/api/geofences", Square(id), key: "guess"));
        var delete = await http.SendAsync(Write(HttpMethod.Delete, $"/api/geofences/{id}", null, key: null));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/geofences/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_fence_is_created_read_replaced_listed_and_deleted_as_geojson()
    {
        var http = fixture.Server.Http;
        var id = $"crud-{Guid.NewGuid():N}";

        var created = await http.SendAsync(Write(HttpMethod.Post, "/api/geofences", Square(id, extra: """, "floorFt": 0, "ceilingFt": 5000""")));
        var conflict = await http.SendAsync(Write(HttpMethod.Post, "/api/geofences", Square(id)));
        using var read = JsonDocument.Parse(await http.GetStringAsync($"/api/geofences/{id}"));
        var bearer = new HttpRequestMessage(HttpMethod.Put, $"/api/geofences/{id}") { Content = new StringContent(Square(id, "Renamed"), Encoding.UTF8, "application/json") };
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LiveTrackTestServer.ApiKey);
        var replaced = await http.SendAsync(bearer);
        using var list = JsonDocument.Parse(await http.GetStringAsync("/api/geofences"));
        var deleted = await http.SendAsync(Write(HttpMethod.Delete, $"/api/geofences/{id}", null));
        var gone = await http.GetAsync($"/api/geofences/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/geofences/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Feature", read.RootElement.GetProperty("type").GetString());
        Assert.Equal(id, read.RootElement.GetProperty("id").GetString());
        Assert.Equal("Polygon", read.RootElement.GetProperty("geometry").GetProperty("type").GetString());
        var properties = read.RootElement.GetProperty("properties");
        Assert.Equal("Gulf box", properties.GetProperty("name").GetString());
        Assert.Equal(["demo", "gulf"], properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(5000, properties.GetProperty("ceilingFt").GetInt32());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var listed = list.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);
        Assert.Equal("Renamed", listed.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("""{ "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27]]] }, "properties": {} }""", "coordinates")]
    [InlineData("""{ "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-111, 26]]] }, "properties": {} }""", "coordinates")]
    [InlineData("""{ "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 95], [-110, 27], [-111, 26]]] }, "properties": {} }""", "coordinates")]
    [InlineData("""{ "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] }, "properties": {} }""", "coordinates")]
    [InlineData("""{ "type": "Feature", "geometry": { "type": "LineString", "coordinates": [[0, 0], [1, 1]] }, "properties": {} }""", "geometry.type")]
    [InlineData("""{ "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] }, "properties": { "floorFt": 9000, "ceilingFt": 5000 } }""", "floorFt")]
    [InlineData("""{ "type": "Feature", "geometry": { "type": "Point", "coordinates": [-110, 26] }, "properties": { "radiusNm": -3 } }""", "radiusNm")]
    public async Task Invalid_geojson_is_a_400_problem_naming_the_offending_field(string body, string field)
    {
        var response = await fixture.Server.Http.SendAsync(Write(HttpMethod.Post, "/api/geofences", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(names, n => n.Contains(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fences_survive_a_restart_over_the_same_store()
    {
        var store = Path.Combine(Path.GetTempPath(), $"livetrack-restart-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { ["LiveTrack:Geofences:StorePath"] = store };
        const string circle = """
            { "type": "Feature", "id": "airbase-10nm", "geometry": { "type": "Point", "coordinates": [-110.93, 27.92] },
              "properties": { "name": "10 nm around the airbase", "radiusNm": 10, "ceilingFt": 5000 } }
            """;
        try
        {
            await using (var first = await LiveTrackTestServer.StartAsync(settings: settings))
            {
                var created = await first.Http.SendAsync(Write(HttpMethod.Post, "/api/geofences", circle));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            await using var second = await LiveTrackTestServer.StartAsync(settings: settings);
            using var read = JsonDocument.Parse(await second.Http.GetStringAsync("/api/geofences/airbase-10nm"));

            Assert.Equal("10 nm around the airbase", read.RootElement.GetProperty("properties").GetProperty("name").GetString());
            Assert.Equal(5000, read.RootElement.GetProperty("properties").GetProperty("ceilingFt").GetInt32());
            Assert.Equal("Polygon", read.RootElement.GetProperty("geometry").GetProperty("type").GetString());
        }
        finally
        {
            if (Directory.Exists(store))
            {
                Directory.Delete(store, recursive: true);
            }
        }
    }
}
