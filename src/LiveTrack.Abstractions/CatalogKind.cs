namespace LiveTrack;

/// <summary>The replicated catalogs: documents kept in a store and held in memory on every silo.</summary>
public enum CatalogKind
{
    Geofences,
    Rules,
}
