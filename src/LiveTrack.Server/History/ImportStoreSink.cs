using LiveTrack.Grains;
using LiveTrack.History;
using LiveTrack.Import;
using Orleans.Streams;

namespace LiveTrack.Server.History;

/// <summary>
/// The sink of an import's writing pass: each batch is judged and evaluated against the fences by
/// <see cref="ImportedTraffic"/> (the live merge and crossing code) and written to the history store directly — one
/// transaction per batch, awaited, never through the live writer's lossy queue. The write of one batch overlaps the
/// reading of the next (at most one write outstanding). With <see cref="ImportRequest.Alerts"/> the events and
/// squawk changes also go to the live alert rules' streams.
/// </summary>
internal sealed class ImportStoreSink(
    ImportJob job,
    ImportedTraffic traffic,
    IGeofenceIndexProvider fences,
    IHistoryStore store,
    IStreamProvider? alerts) : IImportSink
{
    private Task pending = Task.CompletedTask;

    public async ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken)
    {
        var batch = traffic.Evaluate(reports, fences.Current);
        job.Judged(traffic.Stale, traffic.Suspect);
        await pending.ConfigureAwait(false);
        pending = Task.Run(() => WriteAsync(batch, cancellationToken), cancellationToken);
    }

    /// <summary>Waits for the last write; its failure is thrown here.</summary>
    public Task FlushAsync() => pending;

    private async Task WriteAsync(ImportedBatch batch, CancellationToken cancellationToken)
    {
        var history = batch.History;
        if (history.Count > 0)
        {
            await store.WriteAsync(history, cancellationToken).ConfigureAwait(false);
            job.Written(history.Positions.Count, history.Changes.Count, history.Events.Count);
        }

        if (alerts is null)
        {
            return;
        }

        foreach (var e in batch.Events)
        {
            await alerts.GetStream<GeofenceEvent>(StreamId.Create(LiveTrackStreams.GeofenceEventsNamespace, e.FenceId)).OnNextAsync(e).ConfigureAwait(false);
        }

        foreach (var signal in batch.Signals)
        {
            await alerts.GetStream<AircraftSignal>(StreamId.Create(LiveTrackStreams.SignalsNamespace, LiveTrackStreams.SignalPartition(signal.Icao))).OnNextAsync(signal).ConfigureAwait(false);
        }
    }
}
