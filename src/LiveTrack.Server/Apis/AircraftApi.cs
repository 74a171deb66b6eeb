using LiveTrack.Adsb;
using LiveTrack.Geo;
using LiveTrack.Server.Hosting;
using LiveTrack.Server.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary><c>/api/aircraft</c>: the live picture of this silo and one aircraft's full state. Reads follow the reader policy.</summary>
public static class AircraftApi
{
    public static IEndpointRouteBuilder MapAircraftApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/aircraft").WithTags("Aircraft").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        api.MapGet("", List).WithSummary("Live aircraft, optionally within a bounding box");
        api.MapGet("/{icao}", Get).WithSummary("One aircraft's merged state, field by field");
        api.MapGet("/{icao}/geofences", Geofences).WithSummary("Ids of the fences the aircraft is inside now");
        return app;
    }

    private static Results<Ok<AircraftList>, ValidationProblem> List(string? bbox, LiveTraffic traffic, TimeProvider timeProvider)
    {
        var box = BoundingBox.World;
        if (bbox is not null && !BoundingBox.TryParse(bbox, out box, out var error))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["bbox"] = [error] },
                detail: "bbox must be minLon,minLat,maxLon,maxLat in degrees (minLon > maxLon crosses the antimeridian).");
        }

        var aircraft = traffic.Within(box).OrderBy(a => a.Icao, StringComparer.Ordinal).ToArray();
        return TypedResults.Ok(new AircraftList(timeProvider.GetUtcNow(), aircraft.Length, aircraft));
    }

    private static async Task<Results<Ok<AircraftState>, ValidationProblem, ProblemHttpResult>> Get(string icao, IGrainFactory grains)
    {
        if (!IcaoAddress.TryNormalize(icao, out var normalized))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["icao"] = [$"'{ResourceId.Quote(icao)}' is not an ICAO address: expected 6 hexadecimal digits, optionally prefixed by '~'."] });
        }

        var state = await grains.GetGrain<IAircraftGrain>(normalized).GetState();
        return state is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Aircraft not found", detail: $"No live aircraft with ICAO address {normalized}.")
            : TypedResults.Ok(state);
    }

    private static async Task<Results<Ok<string[]>, ValidationProblem, ProblemHttpResult>> Geofences(string icao, IGrainFactory grains)
    {
        if (!IcaoAddress.TryNormalize(icao, out var normalized))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["icao"] = [$"'{ResourceId.Quote(icao)}' is not an ICAO address."] });
        }

        var grain = grains.GetGrain<IAircraftGrain>(normalized);
        return await grain.GetState() is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Aircraft not found", detail: $"No live aircraft with ICAO address {normalized}.")
            : TypedResults.Ok(await grain.GetGeofences());
    }
}
