namespace LiveTrack.Server.History;

internal static partial class ImportLog
{
    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Import {Id} ({Name}, {Bytes} bytes) queued")]
    public static partial void Queued(ILogger logger, string id, string name, long bytes);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Import {Id} completed: {Records} records read, {Accepted} accepted, {Rejected} rejected; {Positions} positions, {Events} events written")]
    public static partial void Completed(ILogger logger, string id, long records, long accepted, long rejected, long positions, long events);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "Import {Id} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string id, string reason);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Error, Message = "Import {Id} failed unexpectedly")]
    public static partial void Crashed(ILogger logger, string id, Exception exception);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Warning, Message = "Could not delete the spooled upload {Path}")]
    public static partial void SpoolNotDeleted(ILogger logger, string path, Exception exception);
}
