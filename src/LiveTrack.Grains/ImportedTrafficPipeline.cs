using System.Diagnostics;
using LiveTrack.Geofencing;

namespace LiveTrack.Grains;

/// <summary>
/// An import's writing pass as a pipeline one batch deep: while the reader parses batch N + 2, batch N + 1 is
/// judged and evaluated by <see cref="ImportedTraffic"/> and batch N is written. Batches are evaluated one at a time
/// and written one at a time, in the order they were added; the first failure of either step is thrown by the next
/// <see cref="AddAsync"/> or by <see cref="FlushAsync"/>, and nothing after the failed batch is written.
/// </summary>
public sealed class ImportedTrafficPipeline
{
    private readonly ImportedTraffic traffic;
    private readonly Func<GeofenceIndex> fences;
    private readonly Func<ImportedBatch, CancellationToken, Task> write;
    private readonly Action<ImportedTraffic>? evaluated;
    private Task evaluating = Task.CompletedTask;
    private Task writing = Task.CompletedTask;
    private long evaluatingTicks;

    /// <param name="traffic">The import's judge (not thread-safe: the pipeline never runs two evaluations at once).</param>
    /// <param name="fences">The fences to evaluate against, read for each batch.</param>
    /// <param name="write">Writes one evaluated batch; never called again before the previous call completed.</param>
    /// <param name="evaluated">Called on the evaluating thread after each batch is judged (for progress counters).</param>
    public ImportedTrafficPipeline(ImportedTraffic traffic, Func<GeofenceIndex> fences, Func<ImportedBatch, CancellationToken, Task> write, Action<ImportedTraffic>? evaluated = null)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        ArgumentNullException.ThrowIfNull(fences);
        ArgumentNullException.ThrowIfNull(write);
        this.traffic = traffic;
        this.fences = fences;
        this.write = write;
        this.evaluated = evaluated;
    }

    /// <summary>Time spent judging and evaluating so far (for measurements).</summary>
    public TimeSpan EvaluatingTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref evaluatingTicks));

    /// <summary>Queues one batch; waits only while the previous batch is still being evaluated.</summary>
    public async ValueTask AddAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        await evaluating.ConfigureAwait(false);
        evaluating = Task.Run(() => EvaluateAsync(reports, cancellationToken), cancellationToken);
    }

    /// <summary>Waits for the last evaluation and the last write (both, even when one failed); throws their failure.</summary>
    public async Task FlushAsync()
    {
        try
        {
            await evaluating.ConfigureAwait(false);
        }
        finally
        {
            await writing.ConfigureAwait(false);
        }
    }

    private async Task EvaluateAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var batch = traffic.Evaluate(reports, fences());
        Interlocked.Add(ref evaluatingTicks, Stopwatch.GetTimestamp() - started);
        evaluated?.Invoke(traffic);
        await writing.ConfigureAwait(false);
        writing = Task.Run(() => write(batch, cancellationToken), cancellationToken);
    }
}
