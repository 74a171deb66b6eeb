using System.Globalization;
using LiveTrack.Adsb;
using LiveTrack.Server.Hosting;

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
        var api = app.MapGroup("/api/alerts").WithTags("Alerts");
        api.MapGet("/", List).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapGet("/dead-letters", DeadLetters).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapPost("/dead-letters/{id}/resend", Resend).RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        api.MapGet("/{id}", Get).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        return app;
    }

    private static IAlertJournalGrain Journal(IGrainFactory grains) => grains.GetGrain<IAlertJournalGrain>(IAlertJournalGrain.Key);

    private static async Task<IResult> List(string? rule, string? icao, string? from, string? to, string? limit, string? cursor, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        string? normalized = null;
        if (icao is not null && !IcaoAddress.TryNormalize(icao, out normalized))
        {
            errors["icao"] = ["Expected 6 hexadecimal digits, optionally prefixed by '~'."];
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

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await Journal(grains).Find(id) is { } alert
            ? TypedResults.Ok(alert)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Alert not found", detail: $"No alert with id '{id}' in the history.");

    private static async Task<IResult> DeadLetters(IGrainFactory grains) => TypedResults.Ok(await Journal(grains).DeadLetters());

    private static async Task<IResult> Resend(string id, IGrainFactory grains) =>
        await Journal(grains).Resend(id)
            ? TypedResults.Accepted((string?)null, new { id, status = "queued" })
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dead letter not found", detail: $"No dead letter with id '{id}', or its rule no longer has that webhook.");

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
