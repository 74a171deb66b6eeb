namespace LiveTrack;

/// <summary>
/// A document of a catalog was written (or deleted) with <see cref="Version"/>. Versions of one document only grow;
/// a replica applies a change only when it is newer than what it holds, so late or repeated changes are harmless.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.CatalogChange")]
public sealed record CatalogChange(
    [property: Id(0)] CatalogKind Catalog,
    [property: Id(1)] string Id,
    [property: Id(2)] long Version);
