using LiveTrack.Adsb;
using LiveTrack.Geo;
using LiveTrack.Server.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>The aircraft list (from this silo's live picture) returned by <c>GET /api/aircraft</c>.</summary>
public sealed record AircraftList(DateTimeOffset Now, int Count, AircraftSnapshot[] Aircraft);

public static class AircraftApi
{
    public static IEndpointRouteBuilder MapAircraftApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/aircraft").WithTags("Aircraft");
        api.MapGet("/", List);
        api.MapGet("/{icao}", Get);
        api.MapGet("/{icao}/geofences", Geofences);
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
                new Dictionary<string, string[]> { ["icao"] = [$"'{Truncate(icao)}' is not an ICAO address: expected 6 hexadecimal digits, optionally prefixed by '~'."] });
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
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["icao"] = [$"'{Truncate(icao)}' is not an ICAO address."] });
        }

        var grain = grains.GetGrain<IAircraftGrain>(normalized);
        return await grain.GetState() is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Aircraft not found", detail: $"No live aircraft with ICAO address {normalized}.")
            : TypedResults.Ok(await grain.GetGeofences());
    }

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32] + "…";
}
