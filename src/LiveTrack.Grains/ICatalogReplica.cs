namespace LiveTrack.Grains;

/// <summary>
/// A silo's in-memory replica of one catalog (the host's fence or rule catalog). <see cref="Apply"/> reloads the
/// changed documents and keeps, per document, only the newest version it has seen.
/// </summary>
public interface ICatalogReplica
{
    CatalogKind Kind { get; }

    Task Apply(IReadOnlyList<CatalogChange> changes);
}
