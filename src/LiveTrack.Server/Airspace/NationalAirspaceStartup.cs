using LiveTrack.Geofencing;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Airspace;

/// <summary>
/// Imports the configured national airspace (<see cref="NationalAirspaceOptions"/>) and derives the configured
/// international waters when the server starts: after the fence catalog has loaded, before the rules (which may name
/// these fences) and before the silo. A misconfiguration (dataset not installed, unknown country code, missing area
/// file) stops the start with a message naming the key.
/// </summary>
public sealed class NationalAirspaceStartup(
    IOptions<NationalAirspaceOptions> options,
    BoundaryDatasets datasets,
    NationalAirspaceImporter importer,
    IHostEnvironment environment,
    ILogger<NationalAirspaceStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Countries.Length == 0)
        {
            return;
        }

        var dataset = datasets.Find(settings.Dataset) ?? throw new InvalidOperationException(
            $"{NationalAirspaceOptions.SectionName}:Dataset: the dataset '{settings.Dataset}' is not installed in '{settings.BoundariesPath}' (build the server: its npm ci restores the datasets of src/LiveTrack.NpmAssets/package.json).");
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < settings.Countries.Length; i++)
        {
            codes[settings.Countries[i]] = dataset.Resolve(settings.Countries[i]) ?? throw new InvalidOperationException(
                $"{NationalAirspaceOptions.SectionName}:Countries:{i}: '{settings.Countries[i]}' is not an ISO 3166-1 country code of the dataset {dataset.Dataset.Name}.");
        }

        var names = settings.Names.ToDictionary(n => codes.GetValueOrDefault(n.Key) ?? n.Key.ToUpperInvariant(), n => n.Value, StringComparer.Ordinal);
        var imported = await importer.Import(dataset, [.. codes.Values], names, null, null, cancellationToken);
        foreach (var result in imported)
        {
            AirspaceLog.Imported(logger, result.Fence.Id, dataset.Dataset.Name, dataset.PackageVersion, result.Status, result.Fence.Provenance!.FenceVersion);
        }

        for (var i = 0; i < settings.InternationalWaters.Length; i++)
        {
            var waters = settings.InternationalWaters[i];
            var path = Path.Combine(environment.ContentRootPath, waters.Area);
            var parsed = GeofenceParser.Parse(await File.ReadAllTextAsync(path, cancellationToken), () => waters.Id);
            if (!parsed.IsValid || parsed.Fences.Count != 1)
            {
                throw new InvalidOperationException(
                    $"{NationalAirspaceOptions.SectionName}:InternationalWaters:{i}:Area: {path} is not one valid GeoJSON fence: {string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }

            var result = await importer.DeriveInternationalWaters(
                waters.Id,
                waters.Name ?? parsed.Fences[0].Name,
                parsed.Fences[0],
                [.. waters.Countries.Select(c => codes[c])],
                cancellationToken);
            if (result is not null)
            {
                AirspaceLog.Imported(logger, result.Fence.Id, dataset.Dataset.Name, dataset.PackageVersion, result.Status, result.Fence.Provenance!.FenceVersion);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class AirspaceLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Fence {FenceId} from {Dataset} v{PackageVersion}: {Status} (fence version {Version})")]
    public static partial void Imported(ILogger logger, string fenceId, string dataset, string packageVersion, FenceImportStatus status, int version);
}
