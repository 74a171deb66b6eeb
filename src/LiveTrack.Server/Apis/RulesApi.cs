using System.Text.Json.Nodes;
using LiveTrack.Alerting;
using LiveTrack.Grains;
using LiveTrack.Server.Alerts;
using LiveTrack.Server.Hosting;

namespace LiveTrack.Server.Apis;

/// <summary>
/// <c>/api/rules</c>: alert rules as JSON documents. Writes need an API key (like fences); invalid rules are a 400
/// problem whose <c>errors</c> name each offending field. Webhook secrets are never returned.
/// </summary>
public static class RulesApi
{
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rules").WithTags("Rules");
        api.MapGet("/", List).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapGet("/{id}", Get).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapPost("/", Create).RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        api.MapPut("/{id}", Replace).RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        api.MapPost("/{id}/enable", (string id, RuleCatalog catalog, CatalogReplication replication, CancellationToken ct) => SetEnabled(id, true, catalog, replication, ct))
            .RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        api.MapPost("/{id}/disable", (string id, RuleCatalog catalog, CatalogReplication replication, CancellationToken ct) => SetEnabled(id, false, catalog, replication, ct))
            .RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        api.MapDelete("/{id}", Delete).RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        return app;
    }

    private static IResult List(RuleCatalog catalog) =>
        Json(new JsonArray([.. catalog.Current.All.Select(r => (JsonNode?)Document(r))]));

    private static IResult Get(string id, RuleCatalog catalog) =>
        catalog.Current.Find(id) is { } rule ? Json(Document(rule)) : NotFound(id);

    private static async Task<IResult> Create(HttpRequest request, RuleCatalog catalog, CatalogReplication replication, CancellationToken cancellationToken)
    {
        if (await RequestBody.Read(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return RequestBody.TooLarge(MaxBodyBytes);
        }

        var parsed = AlertRuleParser.Parse(body, catalog.ValidationFor(null));
        if (!parsed.IsValid)
        {
            return Invalid(parsed);
        }

        var rule = parsed.Rule!;
        if (!await catalog.Upsert(rule, mustBeNew: true, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Rule exists", detail: $"A rule with id '{rule.Id}' exists; replace it with PUT /api/rules/{rule.Id}.");
        }

        await replication.AnnounceRules([rule.Id]);
        return TypedResults.Created($"/api/rules/{Uri.EscapeDataString(rule.Id)}", Document(rule));
    }

    private static async Task<IResult> Replace(string id, HttpRequest request, RuleCatalog catalog, CatalogReplication replication, CancellationToken cancellationToken)
    {
        if (await RequestBody.Read(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return RequestBody.TooLarge(MaxBodyBytes);
        }

        var parsed = AlertRuleParser.Parse(body, catalog.ValidationFor(id));
        if (!parsed.IsValid)
        {
            return Invalid(parsed);
        }

        var existed = catalog.Current.Find(id) is not null;
        await catalog.Upsert(parsed.Rule!, mustBeNew: false, cancellationToken);
        await replication.AnnounceRules([id]);
        return existed ? Json(Document(parsed.Rule!)) : TypedResults.Created($"/api/rules/{Uri.EscapeDataString(id)}", Document(parsed.Rule!));
    }

    private static async Task<IResult> SetEnabled(string id, bool enabled, RuleCatalog catalog, CatalogReplication replication, CancellationToken cancellationToken)
    {
        if (await catalog.Update(id, rule => rule with { Enabled = enabled }, cancellationToken) is not { } changed)
        {
            return NotFound(id);
        }

        await replication.AnnounceRules([id]);
        return Json(Document(changed));
    }

    private static async Task<IResult> Delete(string id, RuleCatalog catalog, CatalogReplication replication, CancellationToken cancellationToken)
    {
        if (!await catalog.Delete(id, cancellationToken))
        {
            return NotFound(id);
        }

        await replication.AnnounceRules([id]);
        return TypedResults.NoContent();
    }

    private static JsonNode Document(AlertRule rule) => JsonNode.Parse(AlertRuleJson.Write(rule, includeSecrets: false))!;

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json");

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(RuleParseResult parsed) =>
        TypedResults.ValidationProblem(parsed.ErrorsByField(), title: "The alert rule is not valid");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Rule not found", detail: $"No alert rule with id '{id}'.");
}

/// <summary>Reading a bounded request body (fences and rules).</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> Read(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"At most {maxBytes} bytes per request.");
}
