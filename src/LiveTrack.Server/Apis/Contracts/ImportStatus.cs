using LiveTrack.Import;
using LiveTrack.Server.History;

namespace LiveTrack.Server.Apis.Contracts;

/// <summary>
/// One import (<c>GET /api/imports/{id}</c>): its state, how far it got and what it found. Every record read is
/// accepted, rejected or skipped (<c>recordsRead = recordsAccepted + recordsRejected + recordsSkipped</c>); the counts
/// are those of the pass the import is in (<c>phase</c>), the final ones once it has finished.
/// </summary>
public sealed record ImportStatus
{
    public required string Id { get; init; }

    public required ImportState State { get; init; }

    /// <summary>While running: validating (nothing written yet) or writing.</summary>
    public ImportPhase? Phase { get; init; }

    /// <summary>The upload's name (the <c>name</c> parameter): a format hint and the file name in samples.</summary>
    public required string Name { get; init; }

    /// <summary>The feed name every imported position and change carries: <c>import-{id}</c> unless the request named one.</summary>
    public required string Feed { get; init; }

    /// <summary>The format asked for (<c>auto</c>: detected per file).</summary>
    public required string Format { get; init; }

    /// <summary>Whether the imported events and squawk changes go to the live alert rules.</summary>
    public bool Alerts { get; init; }

    /// <summary>Whether a file that cannot be read to its end keeps the records before the problem (else the import fails, nothing written).</summary>
    public bool Partial { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The upload's size in bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>Bytes of the upload read by the current pass.</summary>
    public long BytesRead { get; init; }

    /// <summary>0 to 1 over both passes (validation is the first half).</summary>
    public double Progress { get; init; }

    /// <summary>Files (archive entries) read, and how many could not be read to their end.</summary>
    public int Files { get; init; }

    public int FilesWithProblems { get; init; }

    /// <summary>Files by recognised format.</summary>
    public IReadOnlyDictionary<ImportFormat, int> Formats { get; init; } = new Dictionary<ImportFormat, int>();

    public long RecordsRead { get; init; }

    public long RecordsAccepted { get; init; }

    public long RecordsRejected { get; init; }

    public long RecordsSkipped { get; init; }

    /// <summary>Rejected records by reason, most frequent first, each with the first samples (file and line or row).</summary>
    public IReadOnlyList<ImportReasonCount> Rejections { get; init; } = [];

    public IReadOnlyList<ImportReasonCount> Skips { get; init; } = [];

    /// <summary>Files that failed or stopped early (truncated gzip or JSON, corrupt archive, unknown format).</summary>
    public IReadOnlyList<ImportReasonCount> FileProblems { get; init; } = [];

    /// <summary>Reports the live merge rules judged stale (not newer than the aircraft's last) or suspect (impossible speed, future time).</summary>
    public long ReportsStale { get; init; }

    public long ReportsSuspect { get; init; }

    /// <summary>What was written to the history, every row marked imported.</summary>
    public long PositionsWritten { get; init; }

    public long ChangesWritten { get; init; }

    public long EventsWritten { get; init; }

    /// <summary>Distinct aircraft in the accepted records.</summary>
    public int Aircraft { get; init; }

    /// <summary>The earliest and latest observation time imported.</summary>
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Why the import failed, and whether anything was written.</summary>
    public string? Error { get; init; }

    /// <summary>The upload request's trace id, also stored with every event the import raised.</summary>
    public string? TraceId { get; init; }
}
