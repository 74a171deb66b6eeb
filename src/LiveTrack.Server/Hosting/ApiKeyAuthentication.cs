using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Hosting;

/// <summary>Who may write. Bound from <c>LiveTrack:Api</c>.</summary>
public sealed class ApiAccessOptions
{
    public const string SectionName = "LiveTrack:Api";

    /// <summary>API keys accepted for writes. Empty: a random key is generated at start and logged.</summary>
    public IList<string> Keys { get; init; } = [];

    /// <summary>Whether reads (GET) are allowed without a key.</summary>
    public bool AnonymousReads { get; set; } = true;
}

/// <summary>
/// Authenticates a request carrying one of the configured API keys, in <c>X-Api-Key</c> or as
/// <c>Authorization: Bearer &lt;key&gt;</c>; on the hub's path also as the <c>access_token</c> query parameter, which
/// is how SignalR clients (the JavaScript client's <c>accessTokenFactory</c>) send it on WebSocket and SSE
/// connections, where browsers cannot set headers. Keys are compared in constant time.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeys keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string WriterPolicy = "writer";
    public const string ReaderPolicy = "reader";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers["X-Api-Key"].ToString();
        if (presented.Length == 0 && Request.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = header["Bearer ".Length..].Trim();
        }

        if (presented.Length == 0 && Request.Path.StartsWithSegments(Tracking.TrackingHub.Path, StringComparison.OrdinalIgnoreCase))
        {
            presented = Request.Query["access_token"].ToString();
        }

        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!keys.Accepts(presented))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "An API key is required",
                detail: "Send one of LiveTrack:Api:Keys in the X-Api-Key header or as Authorization: Bearer <key>.")
            .ExecuteAsync(Context);
    }
}
