using System.Globalization;
using System.Security.Claims;
using LiveTrack.Adsb;
using LiveTrack.Server.Apis.Contracts;
using LiveTrack.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>
/// <c>/api/alerts</c>: the alert history (newest first, paged with a cursor) and the webhook dead letters, which a
/// writer can re-send. Query errors are 400 problems naming the parameter.
/// </summary>
public static class AlertsApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        reads.MapGet("", List).WithSummary("The alert history, newest first, paged with a cursor");
        reads.MapGet("/dead-letters", DeadLetters).WithSummary("Webhook deliveries given up");
        reads.MapGet("/{id}", Get).WithSummary("One alert of the history");

        var writes = app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        writes.MapPost("/dead-letters/{id}/resend", Resend).WithSummary("Queue a dead letter again");
        return app;
    }

    private static IAlertJournalGrain Journal(IGrainFactory grains) => grains.GetGrain<IAlertJournalGrain>(IAlertJournalGrain.Key);

    private static async Task<Results<Ok<AlertPage>, ValidationProblem>> List(string? rule, string? icao, string? from, string? to, string? limit, string? cursor, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        string? normalized = null;
        if (icao is not null && !IcaoAddress.TryNormalize(icao, out normalized))
        {
            errors["icao"] = ["Expected 6 hexadecimal digits, optionally prefixed by '~'."];
        }

        if (!string.IsNullOrEmpty(rule) && !ResourceId.IsValid(rule))
        {
            errors["rule"] = ["Expected a rule id: 1–64 characters of A–Z a–z 0–9 . _ ~ -."];
        }

        var fromTime = Time(from, "from", errors);
        var toTime = Time(to, "to", errors);
        var pageSize = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"Expected a whole number from 1 to {MaxLimit}."];
        }

        if (cursor is not null && !long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors["cursor"] = ["Expected the 'next' value of a previous page."];
        }

        if (fromTime is { } f && toTime is { } t && f >= t)
        {
            errors["to"] = ["Must be later than 'from'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The alert query is not valid");
        }

        var page = await Journal(grains).Query(new AlertQuery
        {
            RuleId = string.IsNullOrEmpty(rule) ? null : rule,
            Icao = normalized,
            From = fromTime,
            To = toTime,
            Limit = pageSize,
            Cursor = cursor,
        });
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<Alert>, ValidationProblem, ProblemHttpResult>> Get(string id, IGrainFactory grains)
    {
        if (id.Length > 256 || id.Any(char.IsControl))
        {
            return ResourceId.Invalid(id);
        }

        return await Journal(grains).Find(id) is { } alert
            ? TypedResults.Ok(alert)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Alert not found", detail: $"No alert with id '{ResourceId.Quote(id)}' in the history.");
    }

    /// <summary>The dead letters; webhook URLs in full only for a caller with a writer's key.</summary>
    private static async Task<Ok<DeadLetterView[]>> DeadLetters(ClaimsPrincipal user, IGrainFactory grains)
    {
        var full = RulesApi.IsWriter(user);
        return TypedResults.Ok((await Journal(grains).DeadLetters()).Select(d => DeadLetterView.From(d, full)).ToArray());
    }

    private static async Task<Results<Accepted<ResendAccepted>, ValidationProblem, ProblemHttpResult>> Resend(string id, IGrainFactory grains)
    {
        if (id.Length > 256 || id.Any(char.IsControl))
        {
            return ResourceId.Invalid(id);
        }

        return await Journal(grains).Resend(id)
            ? TypedResults.Accepted((string?)null, new ResendAccepted(id, "queued"))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dead letter not found", detail: $"No dead letter with id '{ResourceId.Quote(id)}', or its rule no longer has that webhook.");
    }

    private static DateTimeOffset? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors[name] = ["Expected an ISO 8601 time, e.g. 2026-11-23T10:00:00Z."];
        return null;
    }
}
