using LiveTrack.Geo;

namespace LiveTrack.History;

/// <summary>Which aircraft were inside an area in a window, from a store's positions in the area's bounding box.</summary>
public static class AreaVisits
{
    /// <param name="store">The history.</param>
    /// <param name="box">Bounding box of the area (the store's coarse filter).</param>
    /// <param name="inside">The exact test (e.g. a fence's own containment, floor and ceiling included); null for the box itself.</param>
    /// <param name="window">The time window.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One visit per aircraft with a position inside, ordered by first time inside, then address.</returns>
    public static async Task<IReadOnlyList<AreaVisit>> FindAsync(
        IHistoryStore store,
        BoundingBox box,
        Func<PositionRecord, bool>? inside,
        HistoryWindow window,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var visits = new Dictionary<string, (DateTimeOffset First, DateTimeOffset Last, int Count)>(StringComparer.Ordinal);
        await foreach (var p in store.ReadAreaAsync(box, window, cancellationToken).ConfigureAwait(false))
        {
            if (inside is not null && !inside(p))
            {
                continue;
            }

            visits[p.Icao] = visits.TryGetValue(p.Icao, out var v)
                ? (p.At < v.First ? p.At : v.First, p.At > v.Last ? p.At : v.Last, v.Count + 1)
                : (p.At, p.At, 1);
        }

        return [.. visits
            .Select(v => new AreaVisit(v.Key, v.Value.First, v.Value.Last, v.Value.Count))
            .OrderBy(v => v.FirstInside)
            .ThenBy(v => v.Icao, StringComparer.Ordinal)];
    }
}
