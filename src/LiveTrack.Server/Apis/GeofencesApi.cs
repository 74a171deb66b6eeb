using System.Globalization;
using LiveTrack.Geofencing;
using LiveTrack.Server.Apis.Contracts;
using LiveTrack.Server.Geofences;
using LiveTrack.Server.Hosting;
using LiveTrack.Server.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>
/// <c>/api/geofences</c>: GeoJSON in, GeoJSON out. Reads follow the reader policy, writes need an API key; invalid
/// input is a 400 problem whose <c>errors</c> name each offending field or position.
/// </summary>
public static class GeofencesApi
{
    public const string GeoJsonContentType = "application/geo+json";
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapGeofencesApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/geofences").WithTags("Geofences").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        reads.MapGet("", List)
            .WithSummary("A page of fences (GeoJSON FeatureCollection, or summaries without geometry)")
            .Produces<GeofenceFeaturePage>(StatusCodes.Status200OK, GeoJsonContentType)
            .Produces<GeofenceSummaryPage>(StatusCodes.Status200OK, "application/json");
        reads.MapGet("/{id}", Get).WithSummary("One fence as a GeoJSON Feature")
            .Produces<GeofenceFeature>(StatusCodes.Status200OK, GeoJsonContentType);
        reads.MapGet("/{id}/aircraft", Inside).WithSummary("Live aircraft inside the fence now");

        var writes = app.MapGroup("/api/geofences").WithTags("Geofences").RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        writes.MapPost("", Create).WithSummary("Create fences from a Feature or a FeatureCollection (all or none)")
            .Accepts<GeofenceFeature>(GeoJsonContentType, "application/json")
            .Produces<GeofenceFeature>(StatusCodes.Status201Created, GeoJsonContentType);
        writes.MapPut("/{id}", Replace).WithSummary("Replace one fence")
            .Accepts<GeofenceFeature>(GeoJsonContentType, "application/json")
            .Produces<GeofenceFeature>(StatusCodes.Status200OK, GeoJsonContentType);
        writes.MapDelete("/{id}", Delete).WithSummary("Delete one fence");
        return app;
    }

    /// <summary>
    /// A page of fences in id order. <paramref name="cursor"/> is the previous page's <c>next</c>;
    /// <paramref name="view"/> <c>summary</c> leaves out the geometry. Features are written while they are produced.
    /// </summary>
    private static Results<JsonHttpResult<GeofenceFeaturePage>, Ok<GeofenceSummaryPage>, ValidationProblem> List(
        string? limit, string? cursor, string? view, GeofenceCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["limit"] = [$"Expected a whole number from 1 to {MaxPageSize}."];
        }

        if (cursor is not null && !ResourceId.IsValid(cursor))
        {
            errors["cursor"] = ["Expected the 'next' value of a previous page."];
        }

        if (view is not (null or "full" or "summary"))
        {
            errors["view"] = ["Expected 'full' (default) or 'summary'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The geofence query is not valid");
        }

        var page = catalog.Index.Fences
            .Where(f => cursor is null || string.CompareOrdinal(f.Id, cursor) > 0)
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var next = page.Count > pageSize ? page[pageSize - 1].Id : null;
        var fences = page.Take(pageSize);
        return view == "summary"
            ? TypedResults.Ok(new GeofenceSummaryPage(fences.Select(GeofenceSummary.From), next))
            : TypedResults.Json(new GeofenceFeaturePage("FeatureCollection", fences.Select(GeofenceFeature.From), next), ApiJsonContext.Default.GeofenceFeaturePage, GeoJsonContentType);
    }

    private static Results<JsonHttpResult<GeofenceFeature>, ValidationProblem, ProblemHttpResult> Get(string id, GeofenceCatalog catalog)
    {
        if (!ResourceId.IsValid(id))
        {
            return ResourceId.Invalid(id);
        }

        return catalog.Index.Find(id) is { } fence ? GeoJson(fence) : NotFound(id);
    }

    private static Results<Ok<AircraftList>, ValidationProblem, ProblemHttpResult> Inside(string id, GeofenceCatalog catalog, LiveTraffic traffic, TimeProvider timeProvider)
    {
        if (!ResourceId.IsValid(id))
        {
            return ResourceId.Invalid(id);
        }

        if (catalog.Index.Find(id) is null)
        {
            return NotFound(id);
        }

        var aircraft = traffic.InsideGeofence(id).OrderBy(a => a.Icao, StringComparer.Ordinal).ToArray();
        return TypedResults.Ok(new AircraftList(timeProvider.GetUtcNow(), aircraft.Length, aircraft));
    }

    private static async Task<Results<JsonHttpResult<GeofenceFeature>, JsonHttpResult<GeofenceFeaturePage>, ValidationProblem, ProblemHttpResult>> Create(
        HttpRequest request, GeofenceCatalog catalog, GeofenceChanges changes, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await RequestBody.Read(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return RequestBody.TooLarge(MaxBodyBytes);
        }

        if (JsonText.InvalidText(body) is { } invalidText)
        {
            return invalidText;
        }

        var parsed = GeofenceParser.Parse(body);
        if (!parsed.IsValid)
        {
            return Invalid(parsed);
        }

        if (DatasetKindRefused(parsed) is { } refused)
        {
            return refused;
        }

        var write = await catalog.Upsert(parsed.Fences, mustBeNew: true, cancellationToken);
        if (!write.Saved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Geofence exists", detail: $"A geofence with id '{write.ConflictId}' exists; replace it with PUT /api/geofences/{write.ConflictId}.");
        }

        await changes.Propagate(parsed.Fences.Select(f => f.Id));
        if (parsed.Fences.Count == 1)
        {
            response.Headers.Location = $"/api/geofences/{Uri.EscapeDataString(parsed.Fences[0].Id)}";
            return TypedResults.Json(GeofenceFeature.From(parsed.Fences[0]), ApiJsonContext.Default.GeofenceFeature, GeoJsonContentType, StatusCodes.Status201Created);
        }

        return TypedResults.Json(
            new GeofenceFeaturePage("FeatureCollection", parsed.Fences.Select(GeofenceFeature.From), null),
            ApiJsonContext.Default.GeofenceFeaturePage,
            GeoJsonContentType,
            StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<GeofenceFeature>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, HttpRequest request, GeofenceCatalog catalog, GeofenceChanges changes, CancellationToken cancellationToken)
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

        var parsed = GeofenceParser.Parse(body, () => id);
        if (!parsed.IsValid)
        {
            return Invalid(parsed);
        }

        if (DatasetKindRefused(parsed) is { } refused)
        {
            return refused;
        }

        if (parsed.Fences.Count != 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["type"] = ["PUT takes one Feature, not a FeatureCollection of several."] });
        }

        if (parsed.Fences[0].Id != id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"The body's id '{ResourceId.Quote(parsed.Fences[0].Id)}' differs from the path's '{id}'."] });
        }

        await catalog.Upsert(parsed.Fences, mustBeNew: false, cancellationToken);
        await changes.Propagate([id]);
        return GeoJson(parsed.Fences[0]);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(string id, GeofenceCatalog catalog, GeofenceChanges changes, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id))
        {
            return ResourceId.Invalid(id);
        }

        if (!await catalog.Delete(id, cancellationToken))
        {
            return NotFound(id);
        }

        await changes.Propagate([id]);
        return TypedResults.NoContent();
    }

    private static JsonHttpResult<GeofenceFeature> GeoJson(GeofenceDefinition fence) =>
        TypedResults.Json(GeofenceFeature.From(fence), ApiJsonContext.Default.GeofenceFeature, GeoJsonContentType);

    /// <summary>Fences of a dataset kind carry provenance only an import can vouch for.</summary>
    private static ValidationProblem? DatasetKindRefused(GeofenceParseResult parsed)
    {
        var i = parsed.Fences.ToList().FindIndex(f => NationalAirspace.IsDatasetFence(f.SourceGeoJson));
        if (i < 0)
        {
            return null;
        }

        var field = parsed.Fences.Count == 1 ? "properties.kind" : $"features[{i}].properties.kind";
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = ["national-airspace and international-waters fences are made from a boundary dataset: import them with POST /api/geofences/national"] },
            title: "The geofence is not valid GeoJSON for LiveTrack");
    }

    private static ValidationProblem Invalid(GeofenceParseResult parsed) =>
        TypedResults.ValidationProblem(parsed.ErrorsByField(), title: "The geofence is not valid GeoJSON for LiveTrack");

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Geofence not found", detail: $"No geofence with id '{id}'.");
}
