using LiveTrack.Grains;
using LiveTrack.History;
using LiveTrack.Import;
using Orleans.Streams;

namespace LiveTrack.Server.History;

/// <summary>
/// The sink of an import's writing pass: each batch is judged and evaluated against the fences by
/// <see cref="ImportedTraffic"/> (the live merge and crossing code) and written to the history store directly — one
/// transaction per batch, awaited, never through the live writer's lossy queue. Reading, evaluating and writing
/// overlap (<see cref="ImportedTrafficPipeline"/>). With <see cref="ImportRequest.Alerts"/> the events and squawk
/// changes also go to the live alert rules' streams.
/// </summary>
internal sealed class ImportStoreSink : IImportSink
{
    private readonly ImportJob job;
    private readonly IHistoryStore store;
    private readonly IStreamProvider? alerts;
    private readonly ImportedTrafficPipeline pipeline;

    public ImportStoreSink(ImportJob job, ImportedTraffic traffic, IGeofenceIndexProvider fences, IHistoryStore store, IStreamProvider? alerts)
    {
        this.job = job;
        this.store = store;
        this.alerts = alerts;
        pipeline = new ImportedTrafficPipeline(traffic, () => fences.Current, WriteAsync, t => job.Judged(t.Stale, t.Suspect));
    }

    public ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken) =>
        pipeline.AddAsync(reports, cancellationToken);

    /// <summary>Waits for the last evaluation and write; a failure of either is thrown here.</summary>
    public Task FlushAsync() => pipeline.FlushAsync();

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
