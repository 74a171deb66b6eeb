using System.Text.Json;
using System.Text.RegularExpressions;

namespace LiveTrack.Server.Tests;

/// <summary>The OpenAPI document describes the API the README documents.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class OpenApiTests(ServerFixture fixture)
{
    [GeneratedRegex(@"`(GET|POST|PUT|DELETE|PATCH) (/[^`?\s]*)")]
    private static partial Regex ReadmeEndpoint();

    [Fact]
    public async Task Every_endpoint_the_readme_lists_is_in_the_openapi_document()
    {
        var readme = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var listed = readme.Where(line => line.StartsWith('|'))
            .SelectMany(line => ReadmeEndpoint().Matches(line))
            .Select(m => (Method: m.Groups[1].Value.ToLowerInvariant(), Path: m.Groups[2].Value))
            .Distinct()
            .ToList();
        using var document = JsonDocument.Parse(await fixture.Server.Http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.True(listed.Count >= 20, $"only {listed.Count} endpoints found in the README's tables");
        var missing = listed.Where(e => !paths.TryGetProperty(e.Path, out var item) || !item.TryGetProperty(e.Method, out _)).ToList();
        Assert.True(missing.Count == 0, "Not in /openapi/v1.json: " + string.Join(", ", missing.Select(m => $"{m.Method.ToUpperInvariant()} {m.Path}")));
    }

    [Fact]
    public async Task The_openapi_document_has_the_api_key_scheme_problem_responses_and_examples()
    {
        using var document = JsonDocument.Parse(await fixture.Server.Http.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("header", schemes.GetProperty("ApiKey").GetProperty("in").GetString());

        var createFence = root.GetProperty("paths").GetProperty("/api/geofences").GetProperty("post");
        Assert.Contains(createFence.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("ApiKey", out _));
        Assert.True(createFence.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(createFence.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(createFence.GetProperty("responses").TryGetProperty("413", out _));
        var fenceExample = createFence.GetProperty("requestBody").GetProperty("content").GetProperty("application/geo+json").GetProperty("example");
        Assert.Equal("Feature", fenceExample.GetProperty("type").GetString());

        var createRule = root.GetProperty("paths").GetProperty("/api/rules").GetProperty("post");
        var ruleExample = createRule.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("geofence", ruleExample.GetProperty("trigger").GetProperty("kind").GetString());
        Assert.True(root.GetProperty("paths").GetProperty("/api/geofences/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (README.md beside src/) was not found above " + AppContext.BaseDirectory);
    }
}
