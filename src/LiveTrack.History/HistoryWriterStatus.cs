namespace LiveTrack.History;

/// <summary>The history writer of this silo, as <c>GET /api/history/status</c> shows it.</summary>
public sealed record HistoryWriterStatus
{
    public required string Engine { get; init; }

    /// <summary>Records waiting to be written, including the batch being written.</summary>
    public required long Backlog { get; init; }

    public required int Capacity { get; init; }

    public required long PositionsWritten { get; init; }

    public required long ChangesWritten { get; init; }

    public required long EventsWritten { get; init; }

    /// <summary>Records dropped because the backlog was full.</summary>
    public required long Dropped { get; init; }

    public required long Batches { get; init; }

    public required long FailedBatches { get; init; }

    public DateTimeOffset? LastWriteAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public required TimeSpan Retention { get; init; }
}
