namespace LiveTrack.Server.Catalogs;

/// <summary>The outcome of a catalog write: saved (all of it), or refused because <see cref="ConflictId"/> exists.</summary>
/// <param name="Replaced">True when at least one written document replaced an existing one.</param>
public sealed record CatalogWrite(bool Saved, string? ConflictId, bool Replaced);
