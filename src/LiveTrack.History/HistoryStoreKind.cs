namespace LiveTrack.History;

/// <summary>The engines behind <see cref="IHistoryStore"/>.</summary>
public enum HistoryStoreKind
{
    /// <summary>No history: nothing recorded, history queries answer 404.</summary>
    None = 0,
    /// <summary>DuckDB in one local file (embedded, the default).</summary>
    DuckDb = 1,
    /// <summary>PostgreSQL with PostGIS (a cluster's shared store).</summary>
    PostgreSql = 2,
}
