using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveTrack.Server.Tests;

/// <summary>How a fake feed endpoint answers the next requests.</summary>
public enum FeedMode
{
    Ok,
    Garbage,
    Truncated,
    ServerError,
    RateLimited,

    /// <summary>A 16 MB chunked body (no Content-Length) of JSON whitespace.</summary>
    Oversized,
}

/// <summary>
/// A readsb-style aircraft.json endpoint and an OpenSky-style states endpoint (with an OAuth2 token endpoint) on
/// 127.0.0.1, serving whatever documents the test sets, or failures on demand.
/// </summary>
public sealed class FakeFeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeFeedServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    private int readsbRequests;
    private int tokenRequests;

    public string ReadsbDocument { get; set; } = """{ "now": 0, "aircraft": [] }""";

    public string OpenSkyDocument { get; set; } = """{ "time": 0, "states": null }""";

    public FeedMode ReadsbMode { get; set; } = FeedMode.Ok;

    public FeedMode OpenSkyMode { get; set; } = FeedMode.Ok;

    public int ReadsbRequests => Volatile.Read(ref readsbRequests);

    public int TokenRequests => Volatile.Read(ref tokenRequests);

    /// <summary>Authorization headers and query strings the states endpoint saw.</summary>
    public ConcurrentQueue<(string? Authorization, string Query)> OpenSkySeen { get; } = new();

    public Uri ReadsbUrl => new(BaseAddress, "/data/aircraft.json");

    public Uri OpenSkyUrl => new(BaseAddress, "/api/states/all");

    public Uri TokenUrl => new(BaseAddress, "/auth/token");

    public static async Task<FakeFeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeFeedServer? server = null;
        app.MapGet("/data/aircraft.json", (HttpContext context) =>
        {
            Interlocked.Increment(ref server!.readsbRequests);
            return Answer(context, server.ReadsbMode, server.ReadsbDocument);
        });
        app.MapGet("/api/states/all", (HttpContext context) =>
        {
            server!.OpenSkySeen.Enqueue((context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, context.Request.QueryString.Value ?? string.Empty));
            return Answer(context, server.OpenSkyMode, server.OpenSkyDocument);
        });
        app.MapPost("/auth/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != "analyst" || form["client_secret"] != "s3cret")
            {
                return Results.Unauthorized();
            }

            var n = Interlocked.Increment(ref server!.tokenRequests);
            return Results.Json(new Dictionary<string, object> { ["access_token"] = $"token-{n}", ["expires_in"] = 1800, ["token_type"] = "Bearer" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeFeedServer(app, new Uri(address));
        return server;
    }

    private static IResult Answer(HttpContext context, FeedMode mode, string document) => mode switch
    {
        FeedMode.Garbage => Results.Text("<html>this is not json</html>", "application/json"),
        FeedMode.Truncated => Results.Text(document[..(document.Length / 2)], "application/json"),
        FeedMode.ServerError => Results.StatusCode(StatusCodes.Status502BadGateway),
        FeedMode.RateLimited => RateLimited(context),
        FeedMode.Oversized => Results.Stream(Oversized, "application/json"),
        _ => Results.Text(document, "application/json"),
    };

    private static async Task Oversized(Stream body)
    {
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        try
        {
            for (var i = 0; i < 256; i++)
            {
                await body.WriteAsync(chunk);
                await body.FlushAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client stopped reading: what a capped reader does.
        }
    }

    private static IResult RateLimited(HttpContext context)
    {
        context.Response.Headers["X-Rate-Limit-Retry-After-Seconds"] = "1";
        return Results.StatusCode(StatusCodes.Status429TooManyRequests);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
