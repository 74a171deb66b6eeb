namespace LiveTrack.Import;

/// <summary>
/// The state of one import run: counters, reason tallies, the batch being filled and the sink it goes to. Readers
/// call <see cref="Record"/> once per record and then <see cref="Accepted"/>, <see cref="Reject(string, string?, string)"/> or
/// <see cref="Skip"/>; between chunks of input they call <see cref="FlushIfFullAsync"/>.
/// </summary>
internal sealed class ImportSession(
    ImportOptions options,
    string source,
    long? totalBytes,
    IImportSink sink,
    IProgress<ImportProgress>? progress,
    TimeProvider timeProvider,
    CancellationToken cancellationToken)
{
    private readonly ReasonTally rejections = new(options.SamplesPerReason);
    private readonly ReasonTally skips = new(options.SamplesPerReason);
    private readonly ReasonTally fileProblems = new(options.SamplesPerReason);
    private readonly HashSet<string> aircraft = new(StringComparer.Ordinal);
    private readonly Dictionary<ImportFormat, int> formats = [];
    private List<AircraftReport> batch = new(options.BatchSize);
    private long recordsRead;
    private long recordsAccepted;
    private long reportsWritten;
    private int files;
    private int filesWithProblems;
    private DateTimeOffset? first;
    private DateTimeOffset? last;
    private long lastProgressTicks = long.MinValue;

    public ImportOptions Options => options;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The file (or archive entry) being read, for samples.</summary>
    public string File { get; private set; } = string.Empty;

    /// <summary>Records read from <see cref="File"/> so far.</summary>
    public long FileRecords { get; private set; }

    /// <summary>Compressed bytes read from the source, maintained by the counting stream.</summary>
    public long BytesRead { get; set; }

    /// <summary>Set when the sink threw, so that its exception is never mistaken for a problem of the file.</summary>
    public bool SinkFaulted { get; private set; }

    public long RecordsRead => recordsRead;

    /// <summary>True when the batch should be written before more is parsed.</summary>
    public bool BatchFull => batch.Count >= options.BatchSize;

    public long ReportsWritten => reportsWritten + batch.Count;

    public void BeginFile(string name)
    {
        File = name;
        FileRecords = 0;
        files++;
    }

    public void Recognised(ImportFormat format) =>
        formats[format] = formats.GetValueOrDefault(format) + 1;

    /// <summary>Counts one record read.</summary>
    public void Record()
    {
        recordsRead++;
        FileRecords++;
    }

    /// <summary>Counts records read in bulk (the entries of a snapshot document).</summary>
    public void Records(long count)
    {
        recordsRead += count;
        FileRecords += count;
    }

    /// <summary>Counts one record as accepted (call once per record, after its reports were added).</summary>
    public void Accepted() => recordsAccepted++;

    /// <summary>Adds one report to the batch.</summary>
    public void Add(AircraftReport report)
    {
        batch.Add(report);
        aircraft.Add(report.Icao);
        var timestamp = report.Timestamp;
        if (first is not { } f || timestamp < f)
        {
            first = timestamp;
        }

        if (last is not { } l || timestamp > l)
        {
            last = timestamp;
        }
    }

    /// <summary>Counts a rejected record; <paramref name="location"/> (e.g. <c>line 12</c>) and <paramref name="detail"/> make the sample.</summary>
    public void Reject(string reason, string? location, string detail) => Tally(rejections, reason, 1, location, detail);

    /// <summary>Counts rejected records in bulk, with their samples (already naming the record).</summary>
    public void Reject(string reason, long count, IEnumerable<string> details)
    {
        rejections.Add(reason, count, null);
        rejections.AddSamples(reason, details.Select(d => $"{File}: {d}"));
    }

    /// <summary>Counts a skipped record.</summary>
    public void Skip(string reason, string? location, string detail) => Tally(skips, reason, 1, location, detail);

    /// <summary>Records that the current file failed or stopped early.</summary>
    public void FileProblem(string reason, string detail)
    {
        filesWithProblems++;
        var records = FileRecords == 0 ? "nothing read" : $"stopped after {FileRecords} records, whose reports were kept";
        fileProblems.Add(reason, 1, $"{File}: {detail} ({records})");
    }

    public ValueTask FlushIfFullAsync()
    {
        if (batch.Count >= options.BatchSize)
        {
            return FlushAsync();
        }

        ReportProgressIfDue();
        return ValueTask.CompletedTask;
    }

    public async ValueTask FlushAsync()
    {
        if (batch.Count > 0)
        {
            var full = batch;
            batch = new List<AircraftReport>(options.BatchSize);
            try
            {
                await sink.WriteAsync(full, cancellationToken);
            }
            catch
            {
                SinkFaulted = true;
                throw;
            }

            reportsWritten += full.Count;
        }

        ReportProgressIfDue();
    }

    public ImportProgress Snapshot(bool completed) => new()
    {
        Source = source,
        BytesRead = BytesRead,
        TotalBytes = totalBytes,
        Files = files,
        Formats = new Dictionary<ImportFormat, int>(formats),
        FilesWithProblems = filesWithProblems,
        RecordsRead = recordsRead,
        RecordsAccepted = recordsAccepted,
        RecordsRejected = rejections.Total,
        RecordsSkipped = skips.Total,
        ReportsWritten = reportsWritten,
        Rejections = rejections.Snapshot(),
        Skips = skips.Snapshot(),
        FileProblems = fileProblems.Snapshot(),
        Aircraft = aircraft.Count,
        FirstTimestamp = first,
        LastTimestamp = last,
        Completed = completed,
    };

    public ImportProgress Complete()
    {
        var summary = Snapshot(completed: true);
        progress?.Report(summary);
        return summary;
    }

    private void ReportProgressIfDue()
    {
        if (progress is null)
        {
            return;
        }

        var now = timeProvider.GetTimestamp();
        if (lastProgressTicks != long.MinValue && timeProvider.GetElapsedTime(lastProgressTicks, now) < options.ProgressInterval)
        {
            return;
        }

        lastProgressTicks = now;
        progress.Report(Snapshot(completed: false));
    }

    private void Tally(ReasonTally tally, string reason, long count, string? location, string detail)
    {
        var sample = tally.WantsSample(reason)
            ? location is null ? $"{File}: {detail}" : $"{File} {location}: {detail}"
            : null;
        tally.Add(reason, count, sample);
    }
}
