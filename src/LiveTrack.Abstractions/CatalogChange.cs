namespace LiveTrack;

/// <summary>The replicated catalogs: documents kept in a store and held in memory on every silo.</summary>
public enum CatalogKind
{
    Geofences,
    Rules,
}

/// <summary>
/// A document of a catalog was written (or deleted) with <see cref="Version"/>. Versions of one document only grow;
/// a replica applies a change only when it is newer than what it holds, so late or repeated changes are harmless.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.CatalogChange")]
public sealed record CatalogChange(
    [property: Id(0)] CatalogKind Catalog,
    [property: Id(1)] string Id,
    [property: Id(2)] long Version);
