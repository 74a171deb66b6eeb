using System.Security.Claims;
using LiveTrack.Alerting;
using LiveTrack.Alerting.Documents;
using LiveTrack.Server.Alerts;
using LiveTrack.Server.Apis.Contracts;
using LiveTrack.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>
/// <c>/api/rules</c>: alert rules as JSON documents. Reads follow the reader policy, writes need an API key (like
/// fences); invalid rules are a 400 problem whose <c>errors</c> name each offending field. Webhook secrets are never
/// returned, and webhook URLs lose their path and query unless the caller presented a writer's key.
/// </summary>
public static class RulesApi
{
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/rules").WithTags("Rules").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        reads.MapGet("", List).WithSummary("Every alert rule");
        reads.MapGet("/{id}", Get).WithSummary("One alert rule");

        var writes = app.MapGroup("/api/rules").WithTags("Rules").RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        writes.MapPost("", Create).WithSummary("Create a rule (id in the body)").Accepts<AlertRuleDocument>("application/json");
        writes.MapPut("/{id}", Replace).WithSummary("Create or replace a rule").Accepts<AlertRuleDocument>("application/json");
        writes.MapPost("/{id}/enable", (string id, ClaimsPrincipal user, RuleCatalog catalog, CancellationToken ct) => SetEnabled(id, true, user, catalog, ct))
            .WithName("EnableRule").WithSummary("Enable a rule");
        writes.MapPost("/{id}/disable", (string id, ClaimsPrincipal user, RuleCatalog catalog, CancellationToken ct) => SetEnabled(id, false, user, catalog, ct))
            .WithName("DisableRule").WithSummary("Disable a rule");
        writes.MapDelete("/{id}", Delete).WithSummary("Delete a rule");
        return app;
    }

    /// <summary>Whether the caller presented a writer's key (and so may see webhook URLs in full).</summary>
    internal static bool IsWriter(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    private static Ok<AlertRuleDocument[]> List(ClaimsPrincipal user, RuleCatalog catalog) =>
        TypedResults.Ok(catalog.Current.All.Select(r => Document(r, user)).ToArray());

    private static Results<Ok<AlertRuleDocument>, ValidationProblem, ProblemHttpResult> Get(string id, ClaimsPrincipal user, RuleCatalog catalog)
    {
        if (!ResourceId.IsValid(id))
        {
            return ResourceId.Invalid(id);
        }

        return catalog.Current.Find(id) is { } rule ? TypedResults.Ok(Document(rule, user)) : NotFound(id);
    }

    private static async Task<Results<Created<AlertRuleDocument>, ValidationProblem, ProblemHttpResult>> Create(
        HttpRequest request, ClaimsPrincipal user, RuleCatalog catalog, CancellationToken cancellationToken)
    {
        if (await RequestBody.Read(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return RequestBody.TooLarge(MaxBodyBytes);
        }

        if (JsonText.InvalidText(body) is { } invalidText)
        {
            return invalidText;
        }

        var parsed = AlertRuleParser.Parse(body, catalog.ValidationFor(null));
        if (!parsed.IsValid)
        {
            return Invalid(parsed);
        }

        var rule = parsed.Rule!;
        if (await catalog.Upsert(rule, mustBeNew: true, cancellationToken) is not { } write)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Rule exists", detail: $"A rule with id '{rule.Id}' exists; replace it with PUT /api/rules/{rule.Id}.");
        }

        return TypedResults.Created($"/api/rules/{Uri.EscapeDataString(rule.Id)}", Document(write.Rule, user));
    }

    private static async Task<Results<Ok<AlertRuleDocument>, Created<AlertRuleDocument>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, HttpRequest request, ClaimsPrincipal user, RuleCatalog catalog, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id))
        {
            return ResourceId.Invalid(id);
        }

        if (await RequestBody.Read(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return RequestBody.TooLarge(MaxBodyBytes);
        }

        if (JsonText.InvalidText(body) is { } invalidText)
        {
            return invalidText;
        }

        var parsed = AlertRuleParser.Parse(body, catalog.ValidationFor(id));
        if (!parsed.IsValid)
        {
            return Invalid(parsed);
        }

        // Whether the rule existed is decided under the catalog's write lock, with the write itself.
        var write = (await catalog.Upsert(parsed.Rule!, mustBeNew: false, cancellationToken))!;
        var document = Document(write.Rule, user);
        return write.Replaced ? TypedResults.Ok(document) : TypedResults.Created($"/api/rules/{Uri.EscapeDataString(id)}", document);
    }

    private static async Task<Results<Ok<AlertRuleDocument>, ValidationProblem, ProblemHttpResult>> SetEnabled(
        string id, bool enabled, ClaimsPrincipal user, RuleCatalog catalog, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id))
        {
            return ResourceId.Invalid(id);
        }

        return await catalog.Update(id, rule => rule with { Enabled = enabled }, cancellationToken) is { } changed
            ? TypedResults.Ok(Document(changed, user))
            : NotFound(id);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(string id, RuleCatalog catalog, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id))
        {
            return ResourceId.Invalid(id);
        }

        return await catalog.Delete(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);
    }

    private static AlertRuleDocument Document(AlertRule rule, ClaimsPrincipal user) =>
        AlertRuleDocument.From(rule, includeSecrets: false, IsWriter(user) ? null : WebhookUrls.Redact);

    private static ValidationProblem Invalid(RuleParseResult parsed) =>
        TypedResults.ValidationProblem(parsed.ErrorsByField(), title: "The alert rule is not valid");

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Rule not found", detail: $"No alert rule with id '{id}'.");
}
