using LiveTrack.Ingestion;
using LiveTrack.Server.Hosting;

namespace LiveTrack.Server.Apis;

/// <summary><c>/api/feeds</c>: every feed's state and counters. Reads follow the reader policy.</summary>
public static class FeedsApi
{
    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feeds").WithTags("Feeds").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapGet("", (FeedStatusRegistry feeds) => TypedResults.Ok(feeds.Snapshot())).WithName("ListFeeds").WithSummary("Every feed's state and counters");
        return app;
    }
}
