namespace LiveTrack.Import;

/// <summary>Where an import's reports go (history store, fence evaluation, or a console summary).</summary>
public interface IImportSink
{
    /// <summary>
    /// Takes one batch of reports, in source order (per aircraft, the order of the recording). The runner awaits the
    /// call before it reads further, so a slow sink slows the import instead of growing a backlog; it hands each
    /// batch over once and never touches the list again, so the sink may keep it. An exception fails the import.
    /// </summary>
    /// <param name="reports">
    /// At most <see cref="ImportOptions.BatchSize"/> reports, plus at most one more when a record gives two (a snapshot
    /// entry whose position is older than its other fields).
    /// </param>
    /// <param name="cancellationToken">Cancels the import.</param>
    ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken);
}
