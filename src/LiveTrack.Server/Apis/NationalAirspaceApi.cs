using System.Text.Json;
using LiveTrack.Geofencing;
using LiveTrack.Server.Airspace;
using LiveTrack.Server.Geofences;
using LiveTrack.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>
/// <c>POST /api/geofences/national</c> imports countries' national airspace from an installed boundary dataset as
/// fences (API key); <c>GET /api/geofences/datasets</c> lists the datasets LiveTrack knows and which are installed.
/// </summary>
public static class NationalAirspaceApi
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxCountries = 300;

    public static IEndpointRouteBuilder MapNationalAirspaceApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/geofences/national").WithTags("National airspace")
            .RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy)
            .MapPost("/", Import);
        app.MapGroup("/api/geofences/datasets").WithTags("National airspace")
            .RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy)
            .MapGet("/", Datasets);
        return app;
    }

    private static async Task<Results<JsonHttpResult<NationalAirspaceImportResponse>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request,
        BoundaryDatasets datasets,
        NationalAirspaceImporter importer,
        GeofenceChanges changes,
        CancellationToken cancellationToken)
    {
        if (await RequestBody.Read(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return RequestBody.TooLarge(MaxBodyBytes);
        }

        NationalAirspaceImportRequest? input;
        try
        {
            input = JsonSerializer.Deserialize(body.Span, NationalAirspaceJsonContext.Default.NationalAirspaceImportRequest);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.TrimStart('$', '.');
            return Problem(field, $"not a valid import request: {e.Message}");
        }

        if (input is null)
        {
            return Problem("$", "expected a JSON object: { \"countries\": [\"MEX\"], \"dataset\": \"osm-maritime-1000m\" }");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var datasetName = input.Dataset ?? BoundaryDataset.DefaultName;
        var dataset = datasets.Find(datasetName);
        if (dataset is null)
        {
            errors["dataset"] = [BoundaryDataset.Find(datasetName) is { } known
                ? $"the dataset '{datasetName}' is not installed: add {known.Package} to src/LiveTrack.NpmAssets/package.json and rebuild"
                : $"unknown dataset '{datasetName}': one of {string.Join(", ", BoundaryDataset.Known.Select(d => d.Name))}"];
        }

        var codes = new List<string>();
        if (input.Countries is not { Count: > 0 } countries)
        {
            errors["countries"] = ["required: at least one ISO 3166-1 country code, e.g. [\"MEX\", \"USA\"]"];
        }
        else if (countries.Count > MaxCountries)
        {
            errors["countries"] = [$"{countries.Count} countries; at most {MaxCountries} per request"];
        }
        else if (dataset is not null)
        {
            for (var i = 0; i < countries.Count; i++)
            {
                if (countries[i] is not { } code || dataset.Resolve(code) is not { } alpha3)
                {
                    errors[$"countries[{i}]"] = [$"unknown country code '{countries[i]}': the dataset {dataset.Dataset.Name} has no such ISO 3166-1 alpha-3 (MEX) or alpha-2 (MX) code"];
                }
                else
                {
                    codes.Add(alpha3);
                }
            }
        }

        CheckAltitude(input.FloorFt, "floorFt", errors);
        CheckAltitude(input.CeilingFt, "ceilingFt", errors);
        if (input.FloorFt is { } floor && input.CeilingFt is { } ceiling && floor > ceiling)
        {
            errors["floorFt"] = [$"floorFt ({floor}) is above ceilingFt ({ceiling})"];
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in input.Names ?? new Dictionary<string, string>())
        {
            var alpha3 = dataset?.Resolve(code);
            if (alpha3 is null || !codes.Contains(alpha3))
            {
                errors[$"names.{code}"] = [$"'{code}' is not one of the countries imported"];
            }
            else if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
            {
                errors[$"names.{code}"] = ["must be 1 to 200 characters"];
            }
            else
            {
                names[alpha3] = name.Trim();
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The national-airspace import request is not valid");
        }

        var imported = await importer.Import(dataset!, codes, names, input.FloorFt, input.CeilingFt, cancellationToken);
        var changed = imported.Where(i => i.Status != FenceImportStatus.Unchanged).Select(i => i.Fence.Id).ToList();
        if (changed.Count > 0)
        {
            await changes.Propagate(changed);
        }

        var response = new NationalAirspaceImportResponse(
            dataset!.Dataset.Name,
            dataset.PackageVersion,
            [.. imported.Select(i => new ImportedNationalAirspace(
                i.Fence.Id,
                i.Fence.Name,
                i.Fence.Provenance!.Countries[0],
                i.Fence.Provenance.FenceVersion,
                i.Status,
                i.Fence.Geometry.NumPoints,
                i.Fence.Provenance.ToleranceNauticalMiles,
                i.Fence.Provenance.ImportedAt,
                $"/api/geofences/{Uri.EscapeDataString(i.Fence.Id)}"))]);
        return TypedResults.Json(response, NationalAirspaceJsonContext.Default.NationalAirspaceImportResponse);
    }

    private static JsonHttpResult<BoundaryDatasetList> Datasets(BoundaryDatasets datasets) =>
        TypedResults.Json(
            new BoundaryDatasetList([.. BoundaryDataset.Known.Select(d => datasets.Find(d.Name) is { } installed
                ? new BoundaryDatasetInfo(d.Name, d.Package, installed.PackageVersion, true, d.ResolutionMeters, d.ResolutionMeters / 1852, d.Licence, d.Attribution, installed.CountryCodes.Count)
                : new BoundaryDatasetInfo(d.Name, d.Package, null, false, d.ResolutionMeters, d.ResolutionMeters / 1852, d.Licence, d.Attribution, null))]),
            NationalAirspaceJsonContext.Default.BoundaryDatasetList);

    private static void CheckAltitude(int? feet, string field, Dictionary<string, string[]> errors)
    {
        if (feet is < GeofenceParser.MinAltitudeFeet or > GeofenceParser.MaxAltitudeFeet)
        {
            errors[field] = [$"must be between {GeofenceParser.MinAltitudeFeet} and {GeofenceParser.MaxAltitudeFeet} feet"];
        }
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The national-airspace import request is not valid");
}
