using LiveTrack.Geofencing;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Airspace;

/// <summary>The boundary datasets installed in <see cref="NationalAirspaceOptions.BoundariesPath"/>, opened once.</summary>
public sealed class BoundaryDatasets(IOptions<NationalAirspaceOptions> options)
{
    private readonly Lazy<IReadOnlyDictionary<string, BoundaryDatasetReader>> installed = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, options.Value.BoundariesPath);
        return BoundaryDataset.Known
            .Select(d => BoundaryDatasetReader.Open(d, folder))
            .OfType<BoundaryDatasetReader>()
            .ToDictionary(r => r.Dataset.Name, StringComparer.Ordinal);
    });

    /// <summary>The installed dataset with this name, or null (unknown or not installed).</summary>
    public BoundaryDatasetReader? Find(string name) => installed.Value.GetValueOrDefault(name);
}
