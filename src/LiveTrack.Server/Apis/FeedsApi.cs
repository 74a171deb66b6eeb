using LiveTrack.Ingestion;

namespace LiveTrack.Server.Apis;

public static class FeedsApi
{
    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feeds", (FeedStatusRegistry feeds) => TypedResults.Ok(feeds.Snapshot())).WithTags("Feeds");
        return app;
    }
}
