namespace LiveTrack.Import.Tests;

/// <summary>A sink that keeps every batch, as the history store would receive them.</summary>
internal sealed class CollectingSink : IImportSink
{
    public List<IReadOnlyList<AircraftReport>> Batches { get; } = [];

    public List<AircraftReport> Reports => [.. Batches.SelectMany(b => b)];

    public ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken)
    {
        Batches.Add(reports);
        return ValueTask.CompletedTask;
    }
}
