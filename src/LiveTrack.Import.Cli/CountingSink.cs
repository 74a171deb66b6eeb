namespace LiveTrack.Import.Cli;

/// <summary>
/// Takes the batches and drops them: for now the command line reads and summarises; writing to the history store
/// plugs in here as another <see cref="IImportSink"/>.
/// </summary>
internal sealed class CountingSink : IImportSink
{
    public long Reports { get; private set; }

    public ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken)
    {
        Reports += reports.Count;
        return ValueTask.CompletedTask;
    }
}
