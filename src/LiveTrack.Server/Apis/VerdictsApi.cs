using System.Diagnostics;
using System.Globalization;
using LiveTrack.Adsb;
using LiveTrack.Grains;
using LiveTrack.History;
using LiveTrack.Server.Hosting;
using LiveTrack.Verdicts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>
/// Verdicts (issue 12): did one aircraft enter one fence in a window, decided from its recorded history by
/// <see cref="VerdictEngine"/> (README, "Verdicts"). The body is the <see cref="Verdict"/> as
/// <see cref="VerdictJsonContext"/> writes it; the request's trace id is in the <c>X-Trace-Id</c> header.
/// </summary>
public static class VerdictsApi
{
    /// <summary>The response header carrying the request's trace id (32 hex digits), to find the request's trace.</summary>
    public const string TraceIdHeader = "X-Trace-Id";

    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);
    private static readonly TimeSpan CallsignLookBack = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapVerdictsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/verdicts").WithTags("Verdicts").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy)
            .MapGet("/", Verdict);
        return app;
    }

    private static async Task<Results<JsonHttpResult<Verdict>, ValidationProblem, ProblemHttpResult>> Verdict(
        string? icao, string? fence, string? from, string? to, string? positions,
        HttpContext http, IServiceProvider services, IGeofenceIndexProvider fences, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        string? normalized = null;
        if (icao is null)
        {
            errors["icao"] = ["icao is required: the aircraft's ICAO address (6 hexadecimal digits, optionally prefixed by '~')."];
        }
        else if (!IcaoAddress.TryNormalize(icao, out normalized))
        {
            errors["icao"] = [$"'{Truncate(icao)}' is not an ICAO address: expected 6 hexadecimal digits, optionally prefixed by '~'."];
        }

        var definition = fence is null ? null : fences.Current.Find(fence);
        if (fence is null)
        {
            errors["fence"] = ["fence is required: a geofence id."];
        }

        var fromTime = Time(from, "from", errors);
        var toTime = Time(to, "to", errors);
        if (fromTime is { } f && toTime is { } t)
        {
            if (t <= f)
            {
                errors["to"] = ["to must be later than from."];
            }
            else if (t - f > MaxWindow)
            {
                errors["from"] = ["The window from..to may span at most 31 days."];
            }
        }

        var includePositions = true;
        if (positions is not null && !bool.TryParse(positions, out includePositions))
        {
            errors["positions"] = ["positions must be true or false."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (definition is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown fence",
                detail: $"No geofence with id '{Truncate(fence!)}' (fence).",
                extensions: new Dictionary<string, object?> { ["field"] = "fence" });
        }

        if (services.GetService<IHistoryStore>() is not { } store)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "History is off",
                detail: "Verdicts are decided from the recorded history, and this server records none (LiveTrack:History:Store is None).");
        }

        // Without from/to the verdict covers the stored track's span: the query reaches back at most 31 days.
        var queryTo = toTime ?? time.GetUtcNow().AddTicks(1);
        var queryFrom = fromTime ?? queryTo - MaxWindow;
        var track = await store.GetTrackAsync(normalized!, new HistoryWindow(queryFrom, queryTo), HistoryApi.MaxTrackPositions, cancellationToken);
        if (track.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No history",
                detail: $"No recorded positions of {normalized} (icao) from {queryFrom:O} to {queryTo:O}.",
                extensions: new Dictionary<string, object?> { ["field"] = "icao" });
        }

        // The callsign each position flew under: the last recorded callsign change at or before it, looked up from a
        // day before the track's first position (so a callsign set before the window still counts).
        var changes = await store.GetChangesAsync(normalized!, new HistoryWindow(track[0].At - CallsignLookBack, track[^1].At.AddTicks(10)), cancellationToken);
        var callsigns = changes.Where(c => c.Field == ChangeField.Callsign).ToList();
        var verdict = VerdictEngine.Decide(
            VerdictFence.From(definition),
            normalized,
            WithCallsigns(track, callsigns),
            fromTime ?? track[0].At,
            toTime ?? track[^1].At,
            new VerdictOptions { IncludePositions = includePositions });
        http.Response.Headers[TraceIdHeader] = Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
        return TypedResults.Json(verdict, VerdictJsonContext.Default.Verdict);
    }

    private static IEnumerable<VerdictPosition> WithCallsigns(IReadOnlyList<PositionRecord> track, List<ChangeRecord> callsigns)
    {
        var next = 0;
        string? callsign = null;
        foreach (var position in track)
        {
            while (next < callsigns.Count && callsigns[next].At <= position.At)
            {
                callsign = callsigns[next++].Value;
            }

            yield return ToVerdictPosition(position, callsign);
        }
    }

    private static VerdictPosition ToVerdictPosition(PositionRecord p, string? callsign) => new(
        p.At,
        p.Latitude,
        p.Longitude,
        p.BarometricAltitudeFeet,
        p.GeometricAltitudeFeet,
        p.GroundSpeedKnots,
        (VerdictPositionSource)p.Source,
        p.Feed,
        p.Nic,
        p.NacP,
        p.ContainmentRadiusMeters,
        callsign);

    private static DateTimeOffset? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && at.Year is >= 1970 and <= 9998)
        {
            return at;
        }

        errors[field] = [$"'{Truncate(text)}' is not an ISO 8601 time such as 2026-12-02T08:00:00Z."];
        return null;
    }

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32] + "…";
}
