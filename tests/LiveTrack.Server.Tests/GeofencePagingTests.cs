using System.Net;
using System.Text;
using System.Text.Json;

namespace LiveTrack.Server.Tests;

/// <summary><c>GET /api/geofences</c> pages with a cursor and has a summary form without geometry.</summary>
public sealed class GeofencePagingTests
{
    [Fact]
    public async Task Fences_are_listed_in_pages_by_cursor_each_once_and_in_id_order()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var ids = Enumerable.Range(0, 7).Select(i => $"page-{i:D2}").ToArray();
        await CreateFences(server, ids);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var page = JsonDocument.Parse(await server.Http.GetStringAsync("/api/geofences?limit=3" + (cursor is null ? "" : "&cursor=" + cursor)));
            var features = page.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal("FeatureCollection", page.RootElement.GetProperty("type").GetString());
            Assert.InRange(features.Count, 1, 3);
            Assert.All(features, f => Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString()));
            seen.AddRange(features.Select(f => f.GetProperty("id").GetString()!));
            cursor = page.RootElement.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task The_summary_view_lists_fences_without_geometry()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        await CreateFences(server, ["summary-a", "summary-b"]);

        var response = await server.Http.GetAsync("/api/geofences?view=summary&limit=1");
        var body = await response.Content.ReadAsStringAsync();
        using var page = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("coordinates", body, StringComparison.Ordinal);
        var fence = Assert.Single(page.RootElement.GetProperty("fences").EnumerateArray());
        Assert.Equal("summary-a", fence.GetProperty("id").GetString());
        Assert.Equal([-111.0, 26.0, -110.0, 27.0], fence.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(5, fence.GetProperty("vertices").GetInt32());
        Assert.Equal("summary-a", page.RootElement.GetProperty("next").GetString());
    }

    private static async Task CreateFences(LiveTrackTestServer server, IEnumerable<string> ids)
    {
        var features = string.Join(",", ids.Select(id => $$"""
            { "type": "Feature", "id": "{{id}}", "properties": { "name": "{{id}}" },
              "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] } }
            """));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences")
        {
            Content = new StringContent($$"""{ "type": "FeatureCollection", "features": [{{features}}] }""", Encoding.UTF8, "application/geo+json"),
        };
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await server.Http.SendAsync(request)).StatusCode);
    }
}
