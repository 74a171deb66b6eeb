using LiveTrack.Geofencing;
using LiveTrack.Server.Geofences;

namespace LiveTrack.Server.Airspace;

/// <summary>
/// Imports national airspace from an installed boundary dataset into the fence catalog, and derives
/// international-waters fences from it. A fence that already came from the same dataset version with the same
/// settings is left as it is (its import time too); otherwise it is replaced by a new version (version one more).
/// Callers propagate the changed fences to the cluster.
/// </summary>
public sealed class NationalAirspaceImporter(GeofenceCatalog catalog, TimeProvider timeProvider)
{
    /// <param name="countries">Alpha-3 codes the dataset has (see <see cref="BoundaryDatasetReader.Resolve"/>).</param>
    public async Task<IReadOnlyList<FenceImport>> Import(
        BoundaryDatasetReader dataset,
        IReadOnlyList<string> countries,
        IReadOnlyDictionary<string, string> names,
        int? floorFeet,
        int? ceilingFeet,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(names);
        var now = timeProvider.GetUtcNow();
        var results = new List<FenceImport>();
        foreach (var country in countries.Distinct(StringComparer.Ordinal))
        {
            var name = names.GetValueOrDefault(country);
            var existing = catalog.Index.Find(NationalAirspace.FenceId(country));
            if (existing?.Provenance is { Kind: FenceProvenance.NationalAirspaceKind } p
                && p.Dataset == dataset.Dataset.Name
                && p.PackageVersion == dataset.PackageVersion
                && existing.FloorFeet == floorFeet
                && existing.CeilingFeet == ceilingFeet
                && (name is null || existing.Name == name))
            {
                results.Add(new FenceImport(existing, FenceImportStatus.Unchanged));
                continue;
            }

            var version = (existing?.Provenance?.FenceVersion ?? 0) + 1;
            var fence = NationalAirspace.Create(dataset, country, now, name ?? existing?.Name, floorFeet, ceilingFeet, version);
            results.Add(new FenceImport(fence, existing is null ? FenceImportStatus.Created : FenceImportStatus.Updated));
        }

        await Save(results, cancellationToken);
        return results;
    }

    /// <summary>
    /// The international waters of <paramref name="area"/>: the area minus the national-airspace fences of
    /// <paramref name="countries"/> (alpha-3 codes, imported before). Null when the countries cover the whole area.
    /// </summary>
    public async Task<FenceImport?> DeriveInternationalWaters(
        string id,
        string name,
        GeofenceDefinition area,
        IReadOnlyList<string> countries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        var national = countries
            .Select(c => catalog.Index.Find(NationalAirspace.FenceId(c))
                ?? throw new InvalidOperationException($"The national airspace of {c} has not been imported."))
            .ToList();
        var derived = NationalAirspace.InternationalWaters(id, name, area.Geometry, national, timeProvider.GetUtcNow());
        if (derived is null)
        {
            return null;
        }

        var existing = catalog.Index.Find(id);
        FenceImport result;
        if (existing?.Provenance is { Kind: FenceProvenance.InternationalWatersKind } p
            && p.Dataset == derived.Provenance!.Dataset
            && p.PackageVersion == derived.Provenance.PackageVersion
            && existing.Name == name
            && existing.Geometry.EqualsExact(derived.Geometry))
        {
            result = new FenceImport(existing, FenceImportStatus.Unchanged);
        }
        else
        {
            var version = (existing?.Provenance?.FenceVersion ?? 0) + 1;
            result = new FenceImport(
                NationalAirspace.WithVersion(derived, version),
                existing is null ? FenceImportStatus.Created : FenceImportStatus.Updated);
        }

        await Save([result], cancellationToken);
        return result;
    }

    private async Task Save(IReadOnlyList<FenceImport> results, CancellationToken cancellationToken)
    {
        var changed = results.Where(r => r.Status != FenceImportStatus.Unchanged).Select(r => r.Fence).ToList();
        if (changed.Count > 0)
        {
            await catalog.Upsert(changed, mustBeNew: false, cancellationToken);
        }
    }
}
