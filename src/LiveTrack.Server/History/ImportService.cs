using System.Collections.Concurrent;
using System.Threading.Channels;
using LiveTrack.Grains;
using LiveTrack.History;
using LiveTrack.Identity;
using LiveTrack.Import;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.History;

/// <summary>
/// Runs the imports uploaded to <c>POST /api/imports</c> in the background, at most
/// <see cref="ImportsOptions.MaxConcurrent"/> at a time, from a bounded queue. An import is all or nothing in this
/// sense: the spooled upload is first read whole without writing anything (validation); a source of which nothing can
/// be read, or with a file that cannot be read to its end (unless the request said <c>partial=true</c>), fails with
/// nothing written. Only then is it read again, evaluated and written. A write that fails after that (the store is
/// down, the server stops) fails the import, saying what was written; those rows carry the import's feed name.
/// Statuses live in this server's memory.
/// </summary>
public sealed class ImportService : BackgroundService
{
    private readonly ImportsOptions options;
    private readonly IHistoryStore store;
    private readonly IGeofenceIndexProvider fences;
    private readonly TrackingOptions tracking;
    private readonly IAircraftIdentityProvider? identities;
    private readonly IServiceProvider services;
    private readonly TimeProvider time;
    private readonly ILogger<ImportService> logger;
    private readonly Channel<ImportJob> queue;
    private readonly ConcurrentDictionary<string, ImportJob> jobs = new(StringComparer.Ordinal);

    public ImportService(
        IOptions<ImportsOptions> options,
        IHistoryStore store,
        IGeofenceIndexProvider fences,
        IOptions<TrackingOptions> tracking,
        IServiceProvider services,
        TimeProvider time,
        ILogger<ImportService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tracking);
        this.options = options.Value;
        this.store = store;
        this.fences = fences;
        this.tracking = tracking.Value;
        this.services = services;
        identities = services.GetService<IAircraftIdentityProvider>();
        this.time = time;
        this.logger = logger;
        queue = Channel.CreateBounded<ImportJob>(new BoundedChannelOptions(this.options.MaxQueued) { SingleWriter = false });
        SpoolDirectory = this.options.SpoolPath ?? Path.Combine(Path.GetTempPath(), "livetrack-imports");
    }

    public ImportsOptions Options => options;

    /// <summary>Where uploads are spooled.</summary>
    public string SpoolDirectory { get; }

    /// <summary>A new spool file for import <paramref name="id"/> (its directory created).</summary>
    public string SpoolFileFor(string id)
    {
        Directory.CreateDirectory(SpoolDirectory);
        return Path.Combine(SpoolDirectory, $"{id}.upload");
    }

    /// <summary>Queues an uploaded import; false when the queue is full (the caller deletes the spool file).</summary>
    public bool TryEnqueue(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        jobs[job.Id] = job;
        if (!queue.Writer.TryWrite(job))
        {
            jobs.TryRemove(job.Id, out _);
            return false;
        }

        ImportLog.Queued(logger, job.Id, job.Request.Name, job.Bytes);
        ForgetOldest();
        return true;
    }

    public ImportJob? Find(string id) => jobs.GetValueOrDefault(id);

    /// <summary>Every import kept, newest first.</summary>
    public IReadOnlyList<ImportJob> List() => [.. jobs.Values.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.MaxConcurrent).Select(_ => Task.Run(() => Work(stoppingToken), CancellationToken.None)));
        }
        finally
        {
            while (queue.Reader.TryRead(out var waiting))
            {
                waiting.Fail("The server stopped before the import ran.", null, time.GetUtcNow());
                DeleteSpool(waiting);
            }
        }
    }

    private async Task Work(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await Run(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs one import to its end; never throws (the status says what happened).</summary>
    internal async Task Run(ImportJob job, CancellationToken cancellationToken)
    {
        try
        {
            var read = job.Request.Options with { BatchSize = options.BatchSize };
            var runner = new ImportRunner(read, time);

            job.Start(ImportPhase.Validating, time.GetUtcNow());
            var checkedSummary = await Read(runner, job, new DiscardingSink(), cancellationToken);
            if (checkedSummary.FilesWithProblems > 0 && !job.Request.Partial)
            {
                Fail(job, $"{checkedSummary.FilesWithProblems} file(s) could not be read to their end (see fileProblems); import them with partial=true to keep the records before the problem.", checkedSummary);
                return;
            }

            if (checkedSummary.RecordsAccepted == 0)
            {
                Fail(job, "No record could be imported (see rejections and skips).", checkedSummary);
                return;
            }

            job.Start(ImportPhase.Writing, time.GetUtcNow());
            var traffic = new ImportedTraffic(tracking, icao => identities?.Find(icao), time.GetUtcNow(), job.TraceId, job.Request.Alerts);
            var alerts = job.Request.Alerts ? services.GetRequiredService<IClusterClient>().GetStreamProvider(LiveTrackStreams.ProviderName) : null;
            var sink = new ImportStoreSink(job, traffic, fences, store, alerts);
            ImportProgress summary;
            try
            {
                summary = await Read(runner, job, sink, cancellationToken);
            }
            catch
            {
                // A write still under way must end before the status is final (its own failure is secondary).
                await sink.FlushAsync().ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                throw;
            }

            await sink.FlushAsync();
            job.Judged(traffic.Stale, traffic.Suspect);
            job.Complete(summary, time.GetUtcNow());
            var status = job.ToStatus();
            ImportLog.Completed(logger, job.Id, status.RecordsRead, status.RecordsAccepted, status.RecordsRejected, status.PositionsWritten, status.EventsWritten);
        }
        catch (ImportException ex)
        {
            Fail(job, ex.Message, ex.Progress);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Fail(job, "The server stopped during the import.", null);
        }
        catch (Exception ex)
        {
            ImportLog.Crashed(logger, job.Id, ex);
            Fail(job, $"Writing to the history failed: {ex.Message}", null);
        }
        finally
        {
            DeleteSpool(job);
            ForgetOldest();
        }
    }

    private static async Task<ImportProgress> Read(ImportRunner runner, ImportJob job, IImportSink sink, CancellationToken cancellationToken)
    {
        await using var content = new FileStream(job.SpoolFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await runner.RunAsync(content, job.Request.Name, sink, new Progress(job), cancellationToken);
    }

    private void Fail(ImportJob job, string reason, ImportProgress? summary)
    {
        job.Fail(reason, summary, time.GetUtcNow());
        ImportLog.Failed(logger, job.Id, reason);
    }

    private void DeleteSpool(ImportJob job)
    {
        try
        {
            File.Delete(job.SpoolFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ImportLog.SpoolNotDeleted(logger, job.SpoolFile, ex);
        }
    }

    /// <summary>Keeps at most <see cref="ImportsOptions.KeepFinished"/> finished imports, forgetting the oldest.</summary>
    private void ForgetOldest()
    {
        var finished = jobs.Values.Where(j => j.Finished).OrderByDescending(j => j.CreatedAt).Skip(options.KeepFinished).ToList();
        foreach (var old in finished)
        {
            jobs.TryRemove(old.Id, out _);
        }
    }

    /// <summary>Synchronous progress (the runner's thread), unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class Progress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Progress(value);
    }

    private sealed class DiscardingSink : IImportSink
    {
        public ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
