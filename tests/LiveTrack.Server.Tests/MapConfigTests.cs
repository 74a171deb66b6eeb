using LiveTrack.Server.Hosting;

namespace LiveTrack.Server.Tests;

/// <summary>The map page's settings: a tile URL the page could not use stops the server at start, naming the key.</summary>
public sealed class MapConfigTests
{
    [Theory]
    [InlineData("tiles/{z}/{x}/{y}.png")]
    [InlineData("http://127.0.0.1:9/tiles/{z}/{x}.png")]
    [InlineData("file:///tmp/{z}/{x}/{y}.png")]
    public async Task A_tile_url_that_is_not_an_absolute_http_XYZ_template_is_refused_at_start_naming_the_key(string url)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Map:TileUrl"] = url,
        }));

        Assert.Equal(["LiveTrack:Map:TileUrl: Expected an absolute http(s) XYZ tile URL template with {z}, {x} and {y}."], StartupErrors.Describe(failure));
    }
}
