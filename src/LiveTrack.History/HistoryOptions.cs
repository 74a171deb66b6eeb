using System.ComponentModel.DataAnnotations;

namespace LiveTrack.History;

/// <summary>Position history. Bound from <c>LiveTrack:History</c>.</summary>
public sealed class HistoryOptions : IValidatableObject
{
    public const string SectionName = "LiveTrack:History";

    /// <summary>Which store: <c>DuckDb</c> (embedded, the default), <c>PostgreSql</c>, or <c>None</c> (no history).</summary>
    public HistoryStoreKind Store { get; set; } = HistoryStoreKind.DuckDb;

    /// <summary>DuckDB database file (relative to the working directory).</summary>
    public string Path { get; set; } = "data/history/history.duckdb";

    /// <summary>Npgsql connection string, required for <c>PostgreSql</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long positions, changes and events are kept; whole UTC days older than this are dropped.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A write starts as soon as this many records are queued (or after <see cref="FlushInterval"/>).</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Records queued at most; beyond it new records are dropped (and counted) rather than block ingestion.</summary>
    [Range(1, 100_000_000)]
    public int Capacity { get; set; } = 1_000_000;

    /// <summary>Longest time a record waits in the queue when fewer than <see cref="BatchSize"/> are queued.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store == HistoryStoreKind.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult($"{SectionName}:ConnectionString is required when {SectionName}:Store is PostgreSql.", [nameof(ConnectionString)]);
        }

        if (Store == HistoryStoreKind.DuckDb && string.IsNullOrWhiteSpace(Path))
        {
            yield return new ValidationResult($"{SectionName}:Path is required when {SectionName}:Store is DuckDb.", [nameof(Path)]);
        }

        if (Capacity < BatchSize)
        {
            yield return new ValidationResult($"{SectionName}:Capacity ({Capacity}) must be at least {SectionName}:BatchSize ({BatchSize}).", [nameof(Capacity)]);
        }
    }
}
