namespace LiveTrack.Import;

/// <summary>
/// What an import has done so far; the last one (with <see cref="Completed"/>) is its summary. A record is one unit of
/// the recording: an SBS line, a CSV row, a trace point, one aircraft of a snapshot. Every record read is accepted,
/// rejected or skipped: <c>RecordsRead == RecordsAccepted + RecordsRejected + RecordsSkipped</c>.
/// </summary>
public sealed record ImportProgress
{
    /// <summary>The source as given (a path or the upload's name).</summary>
    public required string Source { get; init; }

    /// <summary>Compressed bytes read from the source so far.</summary>
    public long BytesRead { get; init; }

    /// <summary>The source's size in bytes, when known (files, folders, archives; not a non-seekable stream).</summary>
    public long? TotalBytes { get; init; }

    /// <summary>Files (archive entries) read, including failed ones.</summary>
    public int Files { get; init; }

    /// <summary>Files whose format was recognised, by format.</summary>
    public IReadOnlyDictionary<ImportFormat, int> Formats { get; init; } = new Dictionary<ImportFormat, int>();

    /// <summary>Files that could not be read to their end; each is described in <see cref="FileProblems"/>.</summary>
    public int FilesWithProblems { get; init; }

    public long RecordsRead { get; init; }

    /// <summary>Records that gave at least one report.</summary>
    public long RecordsAccepted { get; init; }

    /// <summary>Records that were malformed or unusable; see <see cref="Rejections"/>.</summary>
    public long RecordsRejected { get; init; }

    /// <summary>Well-formed records that carry nothing new (SBS <c>STA</c> lines, an unchanged snapshot entry); see <see cref="Skips"/>.</summary>
    public long RecordsSkipped { get; init; }

    /// <summary>Reports handed to the sink.</summary>
    public long ReportsWritten { get; init; }

    /// <summary>Rejected records by reason, most frequent first.</summary>
    public IReadOnlyList<ImportReasonCount> Rejections { get; init; } = [];

    /// <summary>Skipped records by reason, most frequent first.</summary>
    public IReadOnlyList<ImportReasonCount> Skips { get; init; } = [];

    /// <summary>
    /// Files that failed (nothing read: unknown format, not JSON) or stopped early (truncated gzip or JSON, corrupt
    /// archive); the reports of the records before the problem were written, and the samples say how many.
    /// </summary>
    public IReadOnlyList<ImportReasonCount> FileProblems { get; init; } = [];

    /// <summary>Distinct aircraft addresses in the reports written.</summary>
    public int Aircraft { get; init; }

    /// <summary>The earliest <see cref="AircraftReport.Timestamp"/> written.</summary>
    public DateTimeOffset? FirstTimestamp { get; init; }

    /// <summary>The latest <see cref="AircraftReport.Timestamp"/> written.</summary>
    public DateTimeOffset? LastTimestamp { get; init; }

    /// <summary>True on the final summary, once the whole source has been read.</summary>
    public bool Completed { get; init; }
}
