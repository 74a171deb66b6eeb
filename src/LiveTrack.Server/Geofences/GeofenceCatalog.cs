using LiveTrack.Geofencing;
using LiveTrack.Grains;
using LiveTrack.Server.Catalogs;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Geofences;

/// <summary>
/// This silo's fences (a <see cref="DocumentCatalog{TItem, TStored}"/>): the persisted store is the source of truth,
/// an immutable <see cref="GeofenceIndex"/> is the in-memory replica aircraft grains evaluate against, swapped
/// atomically on every change.
/// </summary>
public sealed class GeofenceCatalog(
    IGeofenceStore store,
    CatalogReplication replication,
    IOptions<GeofenceOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<GeofenceCatalog> logger)
    : DocumentCatalog<GeofenceDefinition, StoredGeofence>(store, replication, timeProvider), IGeofenceIndexProvider
{
    private volatile GeofenceIndex index = GeofenceIndex.Empty;

    public GeofenceIndex Index => index;

    GeofenceIndex IGeofenceIndexProvider.Current => index;

    public override CatalogKind Kind => CatalogKind.Geofences;

    /// <summary>Stores and indexes fences (new or replacing), all or none; one index rebuild per request.</summary>
    public Task<CatalogWrite> Upsert(IReadOnlyList<GeofenceDefinition> fences, bool mustBeNew, CancellationToken cancellationToken) =>
        Write(fences, mustBeNew, cancellationToken);

    protected override string IdOf(GeofenceDefinition item) => item.Id;

    protected override long StoredVersion(StoredGeofence stored) => stored.Version;

    protected override StoredGeofence ToStored(GeofenceDefinition item, long version) =>
        new(item.Id, item.SourceGeoJson, Clock.GetUtcNow()) { Version = version };

    protected override void Publish(IReadOnlyCollection<GeofenceDefinition> current) => index = GeofenceIndex.Create(current);

    protected override void OnLoaded(int count) => GeofenceLog.Loaded(logger, count);

    protected override void OnSeedWithheld(int invalid, int quarantined) => GeofenceLog.SeedWithheld(logger, invalid, quarantined);

    protected override GeofenceDefinition? Parse(StoredGeofence stored)
    {
        if (NationalAirspace.IsDatasetFence(stored.GeoJson))
        {
            // Made from a boundary dataset: rebuilt with its provenance, at the dataset's size.
            var fence = NationalAirspace.Read(stored.Id, stored.GeoJson, out var error);
            if (fence is null)
            {
                GeofenceLog.StoredFenceInvalid(logger, stored.Id, error!);
            }

            return fence;
        }

        var parsed = GeofenceParser.Parse(stored.GeoJson, () => stored.Id);
        if (parsed.IsValid && parsed.Fences.Count == 1)
        {
            return parsed.Fences[0] with { Id = stored.Id };
        }

        GeofenceLog.StoredFenceInvalid(logger, stored.Id, string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return null;
    }

    protected override async Task<IReadOnlyList<GeofenceDefinition>> Seed(CancellationToken cancellationToken)
    {
        if (options.Value.Seed is not { Length: > 0 } seed)
        {
            return [];
        }

        var path = Path.Combine(environment.ContentRootPath, seed);
        var parsed = GeofenceParser.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        if (!parsed.IsValid)
        {
            throw new InvalidOperationException($"The geofence seed {path} is invalid: {string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
        }

        GeofenceLog.Seeded(logger, parsed.Fences.Count, path);
        return parsed.Fences;
    }
}
