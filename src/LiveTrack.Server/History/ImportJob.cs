using LiveTrack.Import;
using LiveTrack.Server.Apis.Contracts;

namespace LiveTrack.Server.History;

/// <summary>One import's live status, updated by its worker and read by the API (thread-safe).</summary>
public sealed class ImportJob
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImportState state = ImportState.Queued;
    private ImportPhase? phase;
    private DateTimeOffset? startedAt;
    private DateTimeOffset? finishedAt;
    private ImportProgress? progress;
    private long stale;
    private long suspect;
    private long positions;
    private long changes;
    private long events;
    private string? error;

    public ImportJob(string id, ImportRequest request, string spoolFile, long bytes, DateTimeOffset createdAt, string? traceId)
    {
        Id = id;
        Request = request;
        SpoolFile = spoolFile;
        Bytes = bytes;
        CreatedAt = createdAt;
        TraceId = traceId;
    }

    public string Id { get; }

    public ImportRequest Request { get; }

    /// <summary>The spooled upload, deleted when the import ends.</summary>
    public string SpoolFile { get; }

    public long Bytes { get; }

    public DateTimeOffset CreatedAt { get; }

    public string? TraceId { get; }

    public bool Finished
    {
        get
        {
            lock (gate)
            {
                return state is ImportState.Completed or ImportState.Failed;
            }
        }
    }

    /// <summary>Completes when the import has finished (completed or failed): what <c>GET /api/imports/{id}?wait=</c> waits on.</summary>
    public Task WhenFinished => finished.Task;

    public void Start(ImportPhase next, DateTimeOffset at)
    {
        lock (gate)
        {
            state = ImportState.Running;
            phase = next;
            startedAt ??= at;
            progress = null;
        }
    }

    public void Progress(ImportProgress value)
    {
        lock (gate)
        {
            progress = value;
        }
    }

    public void Judged(long staleReports, long suspectReports)
    {
        lock (gate)
        {
            stale = staleReports;
            suspect = suspectReports;
        }
    }

    public void Written(int positionRows, int changeRows, int eventRows)
    {
        lock (gate)
        {
            positions += positionRows;
            changes += changeRows;
            events += eventRows;
        }
    }

    public void Complete(ImportProgress summary, DateTimeOffset at)
    {
        lock (gate)
        {
            progress = summary;
            state = ImportState.Completed;
            phase = null;
            finishedAt = at;
        }

        finished.TrySetResult();
    }

    public void Fail(string reason, ImportProgress? summary, DateTimeOffset at)
    {
        lock (gate)
        {
            progress = summary ?? progress;
            error = positions + changes + events == 0
                ? $"{reason} Nothing was written."
                : $"{reason} The {positions} positions, {changes} changes and {events} events written before the failure stay in the history, marked imported with feed '{Request.Options.Feed}'.";
            state = ImportState.Failed;
            phase = null;
            finishedAt = at;
        }

        finished.TrySetResult();
    }

    public ImportStatus ToStatus()
    {
        lock (gate)
        {
            var p = progress;
            var fraction = state == ImportState.Completed ? 1.0
                : p is null || Bytes == 0 ? 0.0
                : Math.Clamp((double)p.BytesRead / Bytes, 0, 1);
            var overall = state switch
            {
                ImportState.Completed => 1.0,
                ImportState.Running when phase == ImportPhase.Writing => 0.5 + (fraction / 2),
                ImportState.Running => fraction / 2,
                _ => 0.0,
            };
            return new ImportStatus
            {
                Id = Id,
                State = state,
                Phase = phase,
                Name = Request.Name,
                Feed = Request.Options.Feed,
                Format = Request.FormatName,
                Alerts = Request.Alerts,
                Partial = Request.Partial,
                CreatedAt = CreatedAt,
                StartedAt = startedAt,
                FinishedAt = finishedAt,
                Bytes = Bytes,
                BytesRead = p?.BytesRead ?? 0,
                Progress = Math.Round(overall, 4),
                Files = p?.Files ?? 0,
                FilesWithProblems = p?.FilesWithProblems ?? 0,
                Formats = p?.Formats ?? new Dictionary<ImportFormat, int>(),
                RecordsRead = p?.RecordsRead ?? 0,
                RecordsAccepted = p?.RecordsAccepted ?? 0,
                RecordsRejected = p?.RecordsRejected ?? 0,
                RecordsSkipped = p?.RecordsSkipped ?? 0,
                Rejections = p?.Rejections ?? [],
                Skips = p?.Skips ?? [],
                FileProblems = p?.FileProblems ?? [],
                ReportsStale = stale,
                ReportsSuspect = suspect,
                PositionsWritten = positions,
                ChangesWritten = changes,
                EventsWritten = events,
                Aircraft = p?.Aircraft ?? 0,
                From = p?.FirstTimestamp,
                To = p?.LastTimestamp,
                Error = error,
                TraceId = TraceId,
            };
        }
    }
}
