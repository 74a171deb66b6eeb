using System.Diagnostics;
using LiveTrack.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTrack.History;

/// <summary>
/// The per-silo history writer: callers queue records under a short lock (never waiting for the store) and a
/// background loop writes them in batches — as soon as <see cref="HistoryOptions.BatchSize"/> are queued, else every
/// <see cref="HistoryOptions.FlushInterval"/>. The queue is bounded by <see cref="HistoryOptions.Capacity"/>: when it is
/// full new records are dropped and counted (metrics and status), so a slow or failed store never blocks ingestion. A
/// failed batch is retried (after a pause growing to 30 s) while the queue has room for it. Once an hour, and at start,
/// whole days older than the retention are dropped. On stop, what is queued is written.
/// </summary>
public sealed partial class HistoryWriter : IHistoryRecorder, IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan RetentionPeriod = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IHistoryStore store;
    private readonly HistoryOptions options;
    private readonly LiveTrackMetrics metrics;
    private readonly TimeProvider time;
    private readonly ILogger<HistoryWriter> logger;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim doorbell = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private List<PositionRecord> positions = [];
    private List<ChangeRecord> changes = [];
    private List<EventRecord> events = [];
    private long queued;
    private long inFlight;
    private long positionsWritten;
    private long changesWritten;
    private long eventsWritten;
    private long dropped;
    private long batches;
    private long failedBatches;
    private DateTimeOffset? lastWriteAt;
    private string? lastError;
    private DateTimeOffset? lastErrorAt;
    private Task? loop;

    public HistoryWriter(IHistoryStore store, IOptions<HistoryOptions> options, LiveTrackMetrics metrics, TimeProvider time, ILogger<HistoryWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.options = options.Value;
        this.metrics = metrics;
        this.time = time;
        this.logger = logger;
    }

    public void Position(PositionRecord position)
    {
        lock (gate)
        {
            if (!Admit())
            {
                return;
            }

            positions.Add(position);
        }

        Queued();
    }

    public void Change(ChangeRecord change)
    {
        lock (gate)
        {
            if (!Admit())
            {
                return;
            }

            changes.Add(change);
        }

        Queued();
    }

    public void FenceEvent(EventRecord geofenceEvent)
    {
        lock (gate)
        {
            if (!Admit())
            {
                return;
            }

            events.Add(geofenceEvent);
        }

        Queued();
    }

    /// <summary>Counts under the lock: true when there is room for one more record.</summary>
    private bool Admit()
    {
        if (queued + inFlight >= options.Capacity)
        {
            dropped++;
            metrics.HistoryDropped.Add(1);
            return false;
        }

        queued++;
        return true;
    }

    private void Queued()
    {
        metrics.HistoryBacklog.Add(1);
        if (Volatile.Read(ref queued) >= options.BatchSize && doorbell.CurrentCount == 0)
        {
            try
            {
                doorbell.Release();
            }
            catch (SemaphoreFullException)
            {
                // Rung by another caller at the same moment: the loop wakes once either way.
            }
        }
    }

    public HistoryWriterStatus Status()
    {
        lock (gate)
        {
            return new HistoryWriterStatus
            {
                Engine = store.Engine,
                Backlog = queued + inFlight,
                Capacity = options.Capacity,
                PositionsWritten = positionsWritten,
                ChangesWritten = changesWritten,
                EventsWritten = eventsWritten,
                Dropped = dropped,
                Batches = batches,
                FailedBatches = failedBatches,
                LastWriteAt = lastWriteAt,
                LastError = lastError,
                LastErrorAt = lastErrorAt,
                Retention = options.Retention,
            };
        }
    }

    /// <summary>
    /// Writes everything queued now, waiting for it (tests and imports use it to read their own writes). False when a
    /// write failed: its records stay queued (while there is room) for the next attempt.
    /// </summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        while (Take() is { } batch)
        {
            if (!await Write(batch, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await ApplyRetention(cancellationToken).ConfigureAwait(false);
        loop = Task.Run(() => Run(stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // The final flush: what the grains queued before the silo stopped (a failure is logged and counted by Write).
        _ = await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the loop's resources; the store belongs to whoever created it.</summary>
    public ValueTask DisposeAsync()
    {
        stopping.Dispose();
        doorbell.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task Run(CancellationToken token)
    {
        var retryDelay = TimeSpan.Zero;
        var nextRetention = time.GetUtcNow() + RetentionPeriod;
        while (!token.IsCancellationRequested)
        {
            try
            {
                _ = await doorbell.WaitAsync(retryDelay > TimeSpan.Zero ? retryDelay : options.FlushInterval, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var batch = Take();
            if (batch is not null)
            {
                retryDelay = await Write(batch, token).ConfigureAwait(false) ? TimeSpan.Zero
                    : TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, Math.Max(TimeSpan.TicksPerSecond, retryDelay.Ticks * 2)));
            }

            if (time.GetUtcNow() >= nextRetention)
            {
                nextRetention = time.GetUtcNow() + RetentionPeriod;
                await ApplyRetention(token).ConfigureAwait(false);
            }
        }
    }

    private HistoryBatch? Take()
    {
        lock (gate)
        {
            if (queued == 0)
            {
                return null;
            }

            var batch = new HistoryBatch(positions, changes, events);
            positions = [];
            changes = [];
            events = [];
            inFlight += queued;
            queued = 0;
            return batch;
        }
    }

    /// <summary>Writes one batch; false when it failed (it is queued again when there is room, else dropped).</summary>
    private async Task<bool> Write(HistoryBatch batch, CancellationToken token)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await store.WriteAsync(batch, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            metrics.HistoryWriteFailures.Add(1);
            HistoryLog.WriteFailed(logger, batch.Count, store.Engine, ex);
            Requeue(batch, ex);
            return false;
        }
        catch (OperationCanceledException)
        {
            Requeue(batch, null);
            throw;
        }

        metrics.HistoryWriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        metrics.HistoryWritten.Add(batch.Positions.Count, new KeyValuePair<string, object?>(Tags.HistoryRecord, "position"));
        metrics.HistoryWritten.Add(batch.Changes.Count, new KeyValuePair<string, object?>(Tags.HistoryRecord, "change"));
        metrics.HistoryWritten.Add(batch.Events.Count, new KeyValuePair<string, object?>(Tags.HistoryRecord, "event"));
        metrics.HistoryBacklog.Add(-batch.Count);
        lock (gate)
        {
            inFlight -= batch.Count;
            positionsWritten += batch.Positions.Count;
            changesWritten += batch.Changes.Count;
            eventsWritten += batch.Events.Count;
            batches++;
            lastWriteAt = time.GetUtcNow();
        }

        return true;
    }

    private void Requeue(HistoryBatch batch, Exception? error)
    {
        lock (gate)
        {
            inFlight -= batch.Count;
            if (error is not null)
            {
                failedBatches++;
                lastError = $"{error.GetType().Name}: {error.Message}";
                lastErrorAt = time.GetUtcNow();
            }

            if (queued + batch.Count <= options.Capacity)
            {
                // Ahead of what was queued meanwhile, so each aircraft's records stay in order.
                positions.InsertRange(0, batch.Positions);
                changes.InsertRange(0, batch.Changes);
                events.InsertRange(0, batch.Events);
                queued += batch.Count;
                return;
            }

            dropped += batch.Count;
        }

        metrics.HistoryDropped.Add(batch.Count);
        metrics.HistoryBacklog.Add(-batch.Count);
    }

    private async Task ApplyRetention(CancellationToken token)
    {
        try
        {
            var days = await store.DropBeforeAsync(time.GetUtcNow() - options.Retention, token).ConfigureAwait(false);
            if (days > 0)
            {
                HistoryLog.Dropped(logger, days, options.Retention);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HistoryLog.RetentionFailed(logger, store.Engine, ex);
        }
    }
}
