namespace LiveTrack.History;

/// <summary>What one write hands a store: positions, changes and events, each in the order they were recorded.</summary>
public sealed record HistoryBatch(
    IReadOnlyList<PositionRecord> Positions,
    IReadOnlyList<ChangeRecord> Changes,
    IReadOnlyList<EventRecord> Events)
{
    public static HistoryBatch Empty { get; } = new([], [], []);

    public int Count => Positions.Count + Changes.Count + Events.Count;
}
