using System.Text.Json.Nodes;
using LiveTrack.Geofencing;
using LiveTrack.Server.Geofences;
using LiveTrack.Server.Hosting;

namespace LiveTrack.Server.Apis;

/// <summary>
/// <c>/api/geofences</c>: GeoJSON in, GeoJSON out. Writes need an API key; invalid input is a 400 problem whose
/// <c>errors</c> name each offending field or position.
/// </summary>
public static class GeofencesApi
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapGeofencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/geofences").WithTags("Geofences");
        api.MapGet("/", List).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapGet("/{id}", Get).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapGet("/{id}/aircraft", Inside).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapPost("/", Create).RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        api.MapPut("/{id}", Replace).RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        api.MapDelete("/{id}", Delete).RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        return app;
    }

    private static IResult List(GeofenceCatalog catalog) =>
        GeoJson(FeatureCollection(catalog.Index.Fences.OrderBy(f => f.Id, StringComparer.Ordinal)));

    private static IResult Get(string id, GeofenceCatalog catalog) =>
        catalog.Index.Find(id) is { } fence ? GeoJson(Feature(fence)) : NotFound(id);

    private static IResult Inside(string id, GeofenceCatalog catalog, Tracking.LiveTraffic traffic, TimeProvider timeProvider)
    {
        if (catalog.Index.Find(id) is null)
        {
            return NotFound(id);
        }

        var aircraft = traffic.InsideGeofence(id).OrderBy(a => a.Icao, StringComparer.Ordinal).ToArray();
        return TypedResults.Ok(new AircraftList(timeProvider.GetUtcNow(), aircraft.Length, aircraft));
    }

    private static async Task<IResult> Create(HttpRequest request, GeofenceCatalog catalog, GeofenceChanges changes, CancellationToken cancellationToken)
    {
        if (await RequestBody.Read(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return RequestBody.TooLarge(MaxBodyBytes);
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

        var (saved, conflict) = await catalog.Upsert(parsed.Fences, mustBeNew: true, cancellationToken);
        if (!saved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Geofence exists", detail: $"A geofence with id '{conflict}' exists; replace it with PUT /api/geofences/{conflict}.");
        }

        await changes.Propagate(parsed.Fences.Select(f => f.Id));

        if (parsed.Fences.Count == 1)
        {
            var created = Results.Text(Feature(parsed.Fences[0]).ToJsonString(), "application/geo+json", statusCode: StatusCodes.Status201Created);
            return new LocatedResult(created, $"/api/geofences/{Uri.EscapeDataString(parsed.Fences[0].Id)}");
        }

        return Results.Text(FeatureCollection(parsed.Fences).ToJsonString(), "application/geo+json", statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Replace(string id, HttpRequest request, GeofenceCatalog catalog, GeofenceChanges changes, CancellationToken cancellationToken)
    {
        if (await RequestBody.Read(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return RequestBody.TooLarge(MaxBodyBytes);
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
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"The body's id '{parsed.Fences[0].Id}' differs from the path's '{id}'."] });
        }

        await catalog.Upsert(parsed.Fences, mustBeNew: false, cancellationToken);
        await changes.Propagate([id]);
        return GeoJson(Feature(parsed.Fences[0]));
    }

    private static async Task<IResult> Delete(string id, GeofenceCatalog catalog, GeofenceChanges changes, CancellationToken cancellationToken)
    {
        if (!await catalog.Delete(id, cancellationToken))
        {
            return NotFound(id);
        }

        await changes.Propagate([id]);
        return TypedResults.NoContent();
    }

    /// <summary>Fences of a dataset kind carry provenance only an import can vouch for.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? DatasetKindRefused(GeofenceParseResult parsed)
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

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(GeofenceParseResult parsed) =>
        TypedResults.ValidationProblem(parsed.ErrorsByField(), title: "The geofence is not valid GeoJSON for LiveTrack");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Geofence not found", detail: $"No geofence with id '{id}'.");

    private static IResult GeoJson(JsonNode node) => Results.Text(node.ToJsonString(), "application/geo+json");

    /// <summary>
    /// A fence as a GeoJSON Feature: the effective geometry (after buffering and antimeridian normalisation) and the
    /// fence's properties; the geometry as submitted is under <c>properties.submittedGeometry</c>.
    /// </summary>
    internal static JsonObject Feature(GeofenceDefinition fence)
    {
        var source = JsonNode.Parse(fence.SourceGeoJson) as JsonObject;
        var properties = new JsonObject
        {
            ["name"] = fence.Name,
            ["tags"] = new JsonArray([.. fence.Tags.Select(t => (JsonNode?)JsonValue.Create(t))]),
            ["floorFt"] = fence.FloorFeet,
            ["ceilingFt"] = fence.CeilingFeet,
            ["bufferNm"] = fence.BufferNauticalMiles,
        };
        if (fence.Provenance is not null && source?["properties"] is JsonObject stored)
        {
            // A dataset fence: its kind, tolerance, version and provenance; the geometry is the dataset's own.
            foreach (var key in new[] { "kind", "toleranceNm", "version", "provenance" })
            {
                properties[key] = stored[key]?.DeepClone();
            }
        }
        else
        {
            properties["submittedGeometry"] = source?["geometry"]?.DeepClone();
        }

        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = fence.Id,
            ["geometry"] = JsonNode.Parse(GeofenceGeoJson.ToGeoJson(fence.Geometry)),
            ["properties"] = properties,
        };
    }

    private static JsonObject FeatureCollection(IEnumerable<GeofenceDefinition> fences) => new()
    {
        ["type"] = "FeatureCollection",
        ["features"] = new JsonArray([.. fences.Select(f => (JsonNode?)Feature(f))]),
    };

    /// <summary>Adds a Location header to a result.</summary>
    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
