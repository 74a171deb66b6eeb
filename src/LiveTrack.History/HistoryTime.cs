namespace LiveTrack.History;

/// <summary>
/// Times as every store keeps them: UTC microseconds since the Unix epoch (the resolution of PostgreSQL's and DuckDB's
/// timestamps), and the UTC day that is a store's partition.
/// </summary>
public static class HistoryTime
{
    public static long ToMicros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicros(long micros) => new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);

    /// <summary><paramref name="at"/> truncated to the microsecond, in UTC: what a store gives back.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => FromMicros(ToMicros(at));

    /// <summary>The UTC day (partition) holding <paramref name="at"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
