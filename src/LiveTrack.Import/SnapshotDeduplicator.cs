using LiveTrack.Adsb;

namespace LiveTrack.Import;

/// <summary>
/// Consecutive snapshots repeat what has not changed (a position keeps its <c>seen_pos</c> time until a new one
/// arrives). As the live snapshot feed does, an aircraft's position is reported again only when its time changed,
/// and its other fields only when their time changed.
/// </summary>
internal sealed class SnapshotDeduplicator
{
    private readonly Dictionary<string, (DateTimeOffset Time, DateTimeOffset? PositionTime)> previous = new(StringComparer.Ordinal);

    public int Count => previous.Count;

    /// <summary>What of <paramref name="observation"/> is new.</summary>
    public (bool Position, bool Fields) Changes(AircraftObservation observation)
    {
        var hadBefore = previous.TryGetValue(observation.Icao, out var before);
        previous[observation.Icao] = (observation.Time, observation.PositionTime);
        return (!hadBefore || before.PositionTime != observation.PositionTime, !hadBefore || before.Time != observation.Time);
    }

    /// <summary>Forgets aircraft a whole snapshot no longer lists, so memory follows the traffic, not the file.</summary>
    public void Retain(HashSet<string> listed)
    {
        if (previous.Count > listed.Count)
        {
            foreach (var icao in previous.Keys.Where(k => !listed.Contains(k)).ToList())
            {
                previous.Remove(icao);
            }
        }
    }
}
