using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Import;

/// <summary>How an import reads its source.</summary>
public sealed record ImportOptions
{
    /// <summary>The <see cref="AircraftReport.Feed"/> of every report: the import's name.</summary>
    [Required]
    [MinLength(1)]
    public string Feed { get; init; } = "import";

    /// <summary>The format of every file, or <see cref="ImportFormat.Auto"/> to detect it per file.</summary>
    public ImportFormat Format { get; init; } = ImportFormat.Auto;

    /// <summary>Reports per <see cref="IImportSink.WriteAsync"/> call.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; init; } = 4096;

    /// <summary>
    /// Offset of the SBS lines' date/time from UTC. readsb writes UTC (the default, zero); dump1090 and
    /// BaseStation write the receiver's local time, e.g. <c>02:00:00</c> for a receiver on UTC+2.
    /// </summary>
    [Range(typeof(TimeSpan), "-14:00:00", "14:00:00")]
    public TimeSpan SbsUtcOffset { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The largest JSON document (an <c>aircraft.json</c> snapshot or an OpenSky response) read whole; larger ones are
    /// refused. Trace files and line formats are streamed and have no such limit.
    /// </summary>
    [Range(1024, int.MaxValue)]
    public int MaxDocumentBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Sample messages kept per reason (rejected records, skipped records, file problems).</summary>
    [Range(0, 100)]
    public int SamplesPerReason { get; init; } = 5;

    /// <summary>The shortest time between two progress reports (the last one is always reported).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
