namespace LiveTrack.Server.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Error, Message = "{Path} is unreadable ({Problem}); moved aside to {QuarantinedAs} and skipped")]
    public static partial void Quarantined(ILogger logger, string path, string quarantinedAs, string problem);
}
