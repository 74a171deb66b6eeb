using System.Globalization;
using LiveTrack.Adsb;
using LiveTrack.Geo;
using LiveTrack.Grains;
using LiveTrack.History;
using LiveTrack.Server.Apis.History;
using LiveTrack.Server.Hosting;
using LiveTrack.Server.History;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>
/// Queries of the recorded history: they answer for aircraft that are no longer live. Windows are
/// [<c>from</c>, <c>to</c>) in ISO 8601 (default: the 24 hours up to now), at most 31 days.
/// </summary>
public static class HistoryApi
{
    /// <summary>Most positions one track response carries (the earliest of the window; <c>truncated</c> says so).</summary>
    public const int MaxTrackPositions = 200_000;

    private static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/aircraft").WithTags("History").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy)
            .MapGet("/{icao}/track", Track);
        var history = app.MapGroup("/api/history").WithTags("History").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        history.MapGet("/aircraft", Aircraft);
        history.MapGet("/status", Status);
        app.MapGroup("/api/events").WithTags("History").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy)
            .MapGet("/", Events);
        return app;
    }

    private static async Task<Results<Ok<TrackResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Track(
        string icao, string? from, string? to, string? format, IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IcaoAddress.TryNormalize(icao, out var normalized))
        {
            errors["icao"] = [$"'{Truncate(icao)}' is not an ICAO address: expected 6 hexadecimal digits, optionally prefixed by '~'."];
        }

        var kind = (format ?? "json").ToUpperInvariant() switch
        {
            "JSON" => "json",
            "GEOJSON" => "geojson",
            "CSV" => "csv",
            "KML" => "kml",
            _ => null,
        };
        if (kind is null)
        {
            errors["format"] = [$"'{Truncate(format!)}' is not a track format: expected json, geojson, csv or kml."];
        }

        var window = Window(from, to, time, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (services.GetService<IHistoryStore>() is not { } store)
        {
            return HistoryOff();
        }

        var track = await store.GetTrackAsync(normalized!, window, MaxTrackPositions + 1, cancellationToken);
        var truncated = track.Count > MaxTrackPositions;
        var positions = truncated ? track.Take(MaxTrackPositions).ToList() : track;
        var changes = kind == "json" ? await store.GetChangesAsync(normalized!, window, cancellationToken) : [];
        if (positions.Count == 0 && changes.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No history",
                detail: $"No recorded positions of {normalized} from {window.From:O} to {window.To:O}.");
        }

        var name = $"{normalized}-{window.From.UtcDateTime:yyyyMMddTHHmmssZ}";
        return kind switch
        {
            "geojson" when positions.Count > 0 => TypedResults.File(TrackFormats.GeoJson(normalized!, positions), "application/geo+json", $"{name}.geojson"),
            "csv" => TypedResults.File(TrackFormats.Csv(normalized!, positions), "text/csv", $"{name}.csv"),
            "kml" when positions.Count > 0 => TypedResults.File(TrackFormats.Kml(normalized!, positions), "application/vnd.google-earth.kml+xml", $"{name}.kml"),
            "json" => TypedResults.Ok(new TrackResponse(
                normalized!,
                window.From,
                window.To,
                positions.Count,
                truncated,
                [.. positions.Select(p => new HistoryPosition(
                    p.At, p.Latitude, p.Longitude, p.BarometricAltitudeFeet, p.GeometricAltitudeFeet, p.GroundSpeedKnots, p.TrackDegrees,
                    p.Source, p.Feed, p.Nic, p.NacP, p.ContainmentRadiusMeters, p.Imported))],
                [.. changes.Select(c => new HistoryChange(c.At, c.Field, c.Value, c.Feed, c.Imported))])),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No history",
                detail: $"No recorded positions of {normalized} from {window.From:O} to {window.To:O}."),
        };
    }

    private static async Task<Results<Ok<AreaAircraftList>, ValidationProblem, ProblemHttpResult>> Aircraft(
        string? bbox, string? fence, string? from, string? to, IServiceProvider services, IGeofenceIndexProvider fences, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        BoundingBox box = default;
        Func<PositionRecord, bool>? inside = null;
        if ((bbox is null) == (fence is null))
        {
            errors[bbox is null ? "bbox" : "fence"] = ["Give exactly one of bbox (minLon,minLat,maxLon,maxLat) or fence (a geofence id)."];
        }
        else if (bbox is not null && !BoundingBox.TryParse(bbox, out box, out var error))
        {
            errors["bbox"] = [error];
        }
        else if (fence is not null)
        {
            if (fences.Current.Find(fence) is not { } definition)
            {
                errors["fence"] = [$"No geofence with id '{Truncate(fence)}'."];
            }
            else
            {
                var envelope = definition.Geometry.EnvelopeInternal;
                box = new BoundingBox(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
                // The same containment the live evaluation uses, floor and ceiling included.
                inside = p => definition.Contains(p.Latitude, p.Longitude, p.AltitudeFeet);
            }
        }

        var window = Window(from, to, time, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (services.GetService<IHistoryStore>() is not { } store)
        {
            return HistoryOff();
        }

        var visits = await AreaVisits.FindAsync(store, box, inside, window, cancellationToken);
        return TypedResults.Ok(new AreaAircraftList(
            window.From,
            window.To,
            bbox,
            fence,
            visits.Count,
            [.. visits.Select(v => new AreaAircraft(v.Icao, v.FirstInside, v.LastInside, v.Positions))]));
    }

    private static async Task<Results<Ok<EventLog>, ValidationProblem, ProblemHttpResult>> Events(
        string? icao, string? fence, string? kind, string? from, string? to, string? limit, string? cursor, string? imported,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        string? normalized = null;
        if (icao is not null && !IcaoAddress.TryNormalize(icao, out normalized))
        {
            errors["icao"] = [$"'{Truncate(icao)}' is not an ICAO address."];
        }

        GeofenceEventKind? eventKind = null;
        if (kind is not null)
        {
            if (Enum.TryParse<GeofenceEventKind>(kind, ignoreCase: true, out var parsedKind) && Enum.IsDefined(parsedKind) && !int.TryParse(kind, out _))
            {
                eventKind = parsedKind;
            }
            else
            {
                errors["kind"] = [$"'{Truncate(kind)}' is not an event kind: expected Entered, Exited or LostInside."];
            }
        }

        var fromTime = Time(from, "from", errors);
        var toTime = Time(to, "to", errors);
        if (fromTime is { } f && toTime is { } t && t <= f)
        {
            errors["to"] = ["to must be later than from."];
        }

        var pageSize = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            errors["limit"] = ["limit must be a whole number from 1 to 1000."];
        }

        EventCursor? after = null;
        if (cursor is not null && !EventCursor.TryParse(cursor, out after))
        {
            errors["cursor"] = ["Not a cursor returned by this endpoint (its next value)."];
        }

        bool? importedOnly = null;
        if (imported is not null)
        {
            if (bool.TryParse(imported, out var value))
            {
                importedOnly = value;
            }
            else
            {
                errors["imported"] = ["imported must be true or false."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (services.GetService<IHistoryStore>() is not { } store)
        {
            return HistoryOff();
        }

        var page = await store.GetEventsAsync(
            new EventQuery { Icao = normalized, FenceId = fence, Kind = eventKind, From = fromTime, To = toTime, Imported = importedOnly, Limit = pageSize, After = after },
            cancellationToken);
        var events = page.Events.Select(ToStored).ToArray();
        return TypedResults.Ok(new EventLog(events.Length, events, page.Next?.ToString()));
    }

    private static async Task<Results<Ok<HistoryStatus>, ProblemHttpResult>> Status(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<HistoryWriter>() is not { } writer || services.GetService<IHistoryStore>() is not { } store)
        {
            return HistoryOff();
        }

        return TypedResults.Ok(new HistoryStatus(writer.Status(), await store.GetInfoAsync(cancellationToken)));
    }

    private static StoredEvent ToStored(EventRecord record)
    {
        var e = record.Event;
        return new StoredEvent(e.Icao, e.Sequence, e.Kind, e.Reason, e.FenceId, e.FenceName, e.At, e.Before, e.After, e.Crossing, e.Boundary, e.Callsign, e.TraceId, record.Imported);
    }

    private static HistoryWindow Window(string? from, string? to, TimeProvider time, Dictionary<string, string[]> errors)
    {
        var end = Time(to, "to", errors) ?? time.GetUtcNow();
        var start = Time(from, "from", errors) ?? end - DefaultWindow;
        if (errors.Count == 0)
        {
            if (end <= start)
            {
                errors["to"] = ["to must be later than from."];
            }
            else if (end - start > MaxWindow)
            {
                errors["from"] = ["The window from..to may span at most 31 days."];
            }
        }

        return new HistoryWindow(start, end);
    }

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

    private static ProblemHttpResult HistoryOff() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "History is off",
        detail: "This server records no history (LiveTrack:History:Store is None).");

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32] + "…";
}
