namespace LiveTrack.History;

/// <summary>What a store holds: its day partitions (oldest first) and row counts.</summary>
public sealed record HistoryStoreInfo(string Engine, IReadOnlyList<DateOnly> Days, long Positions, long Changes, long Events);
