using LiveTrack.Server.Apis.Contracts;
using LiveTrack.Server.Hosting;
using LiveTrack.Server.Map;
using LiveTrack.Server.Tracking;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Apis;

/// <summary>
/// The map page's server side: <c>GET /api/map/config</c> and the third-party page files that the build copies from
/// npm into the output's <c>lib/</c> folder (served at <c>/lib</c>, never committed).
/// </summary>
public static class MapApi
{
    /// <summary>Request path (and output folder) of the npm page files.</summary>
    public const string LibraryPath = "lib";

    public static WebApplication MapMapApi(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, LibraryPath);
        if (Directory.Exists(folder))
        {
            app.UseStaticFiles(new StaticFileOptions { RequestPath = "/" + LibraryPath, FileProvider = new PhysicalFileProvider(folder) });
        }

        // Anonymous on purpose: the page asks here whether it needs a key before it has one. Nothing secret is in it.
        var api = app.MapGroup("/api/map").WithTags("Map").AllowAnonymous();
        api.MapGet("/config", (IOptions<MapOptions> map, IOptions<ApiAccessOptions> access, IOptions<TrackingHubOptions> hub) =>
            TypedResults.Ok(new MapConfig(
                string.IsNullOrWhiteSpace(map.Value.TileUrl) ? null : map.Value.TileUrl,
                string.IsNullOrWhiteSpace(map.Value.TileAttribution) ? null : map.Value.TileAttribution,
                !access.Value.AnonymousReads,
                hub.Value.FrameInterval.TotalMilliseconds)))
            .WithName("GetMapConfig")
            .WithSummary("What the map page needs: the optional online tile URL and whether reads need an API key");
        return app;
    }
}
