using LiveTrack.Geo;

namespace LiveTrack.History;

/// <summary>
/// Where the position history lives: the embedded default (DuckDB, one local file) or PostgreSQL + PostGIS for a
/// cluster. Every implementation passes the same contract tests. Times are kept to the microsecond (UTC); every window
/// is a <see cref="HistoryWindow"/>, start inclusive, end exclusive. Data is partitioned by UTC day, and
/// retention drops whole days.
/// </summary>
public interface IHistoryStore : IAsyncDisposable
{
    /// <summary>The engine's name as configured and reported in the status: <c>DuckDb</c> or <c>PostgreSql</c>.</summary>
    string Engine { get; }

    /// <summary>Creates what is missing (file, schema, extensions); safe to call on every start and from every silo.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a batch atomically: when the task completes the whole batch is durable (committed); when it fails none of
    /// it is. A position equal in (icao, time) to a stored one is written again (stores do not de-duplicate).
    /// </summary>
    Task WriteAsync(HistoryBatch batch, CancellationToken cancellationToken = default);

    /// <summary>One aircraft's positions in the window, ascending by time; at most <paramref name="limit"/> (the earliest).</summary>
    Task<IReadOnlyList<PositionRecord>> GetTrackAsync(string icao, HistoryWindow window, int limit, CancellationToken cancellationToken = default);

    /// <summary>One aircraft's changes of callsign, squawk, altitude and emergency in the window, ascending by time.</summary>
    Task<IReadOnlyList<ChangeRecord>> GetChangesAsync(string icao, HistoryWindow window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every position inside <paramref name="box"/> (edges inclusive; a box with MinLongitude &gt; MaxLongitude crosses
    /// the antimeridian) in the window, in no particular order. Callers refine with an exact shape (<see cref="AreaVisits"/>).
    /// </summary>
    IAsyncEnumerable<PositionRecord> ReadAreaAsync(BoundingBox box, HistoryWindow window, CancellationToken cancellationToken = default);

    /// <summary>A page of the stored geofence event log (see <see cref="EventQuery"/> for the order and filters).</summary>
    Task<EventPage> GetEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Drops every day partition that ends at or before <paramref name="cutoff"/>; returns how many days were dropped.</summary>
    Task<int> DropBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>The days held and the rows in them.</summary>
    Task<HistoryStoreInfo> GetInfoAsync(CancellationToken cancellationToken = default);
}
