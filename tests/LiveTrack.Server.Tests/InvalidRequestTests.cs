using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LiveTrack.Server.Tests;

/// <summary>
/// Every invalid request is a 4xx problem naming the field, never a 500 — ids and names the file store would
/// trip on, invalid UTF-8, an over-large body — and a multi-fence write saves all of its fences or none.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class InvalidRequestTests(ServerFixture fixture)
{
    private static string Fence(string id, string name = "Box") => $$"""
        { "type": "Feature", "id": "{{id}}", "properties": { "name": "{{name}}" },
          "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] } }
        """;

    private static string Rule(string id) => $$"""{ "id": "{{id}}", "trigger": { "kind": "emergency" } }""";

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return await fixture.Server.Http.SendAsync(request);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        if (expected == HttpStatusCode.BadRequest)
        {
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"errors do not name '{field}': {errors}");
        }

        return problem;
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_fence_or_rule_with_the_id_dot_or_dot_dot_in_the_body_is_a_400_naming_the_id(string id)
    {
        await Problem(await Send(HttpMethod.Post, "/api/geofences", Encoding.UTF8.GetBytes(Fence(id))), HttpStatusCode.BadRequest, "id");
        await Problem(await Send(HttpMethod.Post, "/api/rules", Encoding.UTF8.GetBytes(Rule(id))), HttpStatusCode.BadRequest, "id");
    }

    [Theory]
    [InlineData("..%2F..%2Fescape")]
    [InlineData("a%5Cb")]
    [InlineData("%FF%FE")]
    [InlineData("%C3%28")]
    [InlineData("x12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890")]
    public async Task An_invalid_id_in_the_path_is_a_400_naming_the_id_for_every_method(string id)
    {
        foreach (var resource in new[] { "geofences", "rules" })
        {
            await Problem(await Send(HttpMethod.Get, $"/api/{resource}/{id}"), HttpStatusCode.BadRequest, "id");
            await Problem(await Send(HttpMethod.Delete, $"/api/{resource}/{id}"), HttpStatusCode.BadRequest, "id");
            var body = resource == "geofences" ? Fence("whatever") : Rule("whatever");
            await Problem(await Send(HttpMethod.Put, $"/api/{resource}/{id}", Encoding.UTF8.GetBytes(body)), HttpStatusCode.BadRequest, "id");
        }

        await Problem(await Send(HttpMethod.Post, $"/api/rules/{id}/enable"), HttpStatusCode.BadRequest, "id");
        await Problem(await Send(HttpMethod.Get, $"/api/geofences/{id}/aircraft"), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task Invalid_utf8_in_a_fence_or_rule_name_is_a_400_naming_the_field()
    {
        var fence = Encoding.UTF8.GetBytes(Fence($"utf8-{Guid.NewGuid():N}", "BAD")).ToList();
        var at = IndexOf(fence, "BAD");
        fence[at] = 0xFF;
        fence[at + 1] = 0xFE;
        var rule = Encoding.UTF8.GetBytes($$"""{ "id": "utf8-rule", "name": "BAD", "trigger": { "kind": "emergency" } }""").ToList();
        at = IndexOf(rule, "BAD");
        rule[at] = 0xC3;
        rule[at + 1] = 0x28;

        await Problem(await Send(HttpMethod.Post, "/api/geofences", [.. fence]), HttpStatusCode.BadRequest, "properties.name");
        await Problem(await Send(HttpMethod.Post, "/api/rules", [.. rule]), HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task A_feature_collection_with_one_invalid_fence_saves_none_of_them()
    {
        var first = $"first-{Guid.NewGuid():N}";
        var collection = $$"""{ "type": "FeatureCollection", "features": [ {{Fence(first)}}, {{Fence("..")}} ] }""";

        await Problem(await Send(HttpMethod.Post, "/api/geofences", Encoding.UTF8.GetBytes(collection)), HttpStatusCode.BadRequest, "features[1].id");

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Server.Http.GetAsync($"/api/geofences/{first}")).StatusCode);
    }

    [Fact]
    public async Task A_put_whose_body_id_differs_from_the_path_is_a_400_naming_the_id()
    {
        var id = $"put-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await Send(HttpMethod.Post, "/api/geofences", Encoding.UTF8.GetBytes(Fence(id)))).StatusCode);

        await Problem(await Send(HttpMethod.Put, $"/api/geofences/{id}", Encoding.UTF8.GetBytes(Fence("someone-else"))), HttpStatusCode.BadRequest, "id");
        await Problem(await Send(HttpMethod.Put, $"/api/rules/{id}", Encoding.UTF8.GetBytes(Rule("someone-else"))), HttpStatusCode.BadRequest, "id");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Server.Http.GetAsync("/api/geofences/someone-else")).StatusCode);
    }

    [Theory]
    [InlineData("/api/geofences")]
    [InlineData("/api/rules")]
    public async Task A_100_mb_body_with_a_content_length_is_a_413_problem(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentLength = 100L * 1024 * 1024;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        request.Headers.ExpectContinue = true;

        var response = await RawHttp.Send(fixture.Server.BaseAddress, request, bodyBytes: 100L * 1024 * 1024, chunked: false);

        Assert.Equal(413, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("\"field\":\"body\"", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/geofences")]
    [InlineData("/api/rules")]
    public async Task A_100_mb_chunked_body_is_a_413_problem(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);

        var response = await RawHttp.Send(fixture.Server.BaseAddress, request, bodyBytes: 100L * 1024 * 1024, chunked: true);

        Assert.Equal(413, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("\"field\":\"body\"", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=..", "cursor")]
    [InlineData("view=everything", "view")]
    public async Task An_invalid_geofence_page_query_is_a_400_naming_the_parameter(string query, string field)
    {
        var response = await fixture.Server.Http.GetAsync("/api/geofences?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private static int IndexOf(List<byte> bytes, string ascii)
    {
        var pattern = Encoding.ASCII.GetBytes(ascii);
        for (var i = 0; i + pattern.Length <= bytes.Count; i++)
        {
            if (bytes.Skip(i).Take(pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{ascii}' not found");
    }
}
