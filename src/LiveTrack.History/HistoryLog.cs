using Microsoft.Extensions.Logging;

namespace LiveTrack.History;

internal static partial class HistoryLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Writing {Count} history records to {Engine} failed; the batch is retried while the queue has room")]
    public static partial void WriteFailed(ILogger logger, int count, string engine, Exception exception);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "History retention dropped {Days} day(s) older than {Retention}")]
    public static partial void Dropped(ILogger logger, int days, TimeSpan retention);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "History retention on {Engine} failed")]
    public static partial void RetentionFailed(ILogger logger, string engine, Exception exception);
}
