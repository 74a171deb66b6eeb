using Microsoft.Extensions.Logging;

namespace LiveTrack.Ingestion;

internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Delivering {Count} reports of aircraft {Icao} from feed {Feed} failed")]
    public static partial void DeliveryFailed(ILogger logger, string icao, string feed, int count, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Feed {Feed}: malformed line #{Count} skipped: {Error}. Line: {Sample}")]
    public static partial void MalformedLine(ILogger logger, string feed, long count, string error, string sample);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Feed {Feed} ({Type}) starting")]
    public static partial void FeedStarting(ILogger logger, string feed, FeedType type);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Feed {Feed} connected to {Endpoint}")]
    public static partial void Connected(ILogger logger, string feed, string endpoint);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Feed {Feed} disconnected from {Endpoint}: {Reason}; reconnecting in {Delay}")]
    public static partial void Disconnected(ILogger logger, string feed, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Feed {Feed} listening for streams on {Endpoint}")]
    public static partial void Listening(ILogger logger, string feed, string endpoint);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Feed {Feed}: connection from {Remote} {Action}")]
    public static partial void ListenerConnection(ILogger logger, string feed, string remote, string action);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Feed {Feed} failed; restarting in {Delay}")]
    public static partial void FeedFailed(ILogger logger, string feed, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Feed {Feed}: replay of {Path} finished ({Lines} lines)")]
    public static partial void ReplayFinished(ILogger logger, string feed, string path, long lines);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Feed {Feed}: {Error}; next attempt in {Delay} (further errors logged at most every 30 s)")]
    public static partial void PollFailed(ILogger logger, string feed, string error, TimeSpan delay);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Feed {Feed}: refused a connection from {Remote}, {Max} connections already open")]
    public static partial void ConnectionRefused(ILogger logger, string feed, string remote, int max);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Feed {Feed}: closing the connection from {Remote}, nothing received for {IdleTimeout}")]
    public static partial void IdleConnectionClosed(ILogger logger, string feed, string remote, TimeSpan idleTimeout);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Feed {Feed}: lease taken, runs on node {Node}")]
    public static partial void LeaseTaken(ILogger logger, string feed, string node);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Feed {Feed}: lease lost to {Owner}; stopped on this node")]
    public static partial void LeaseLost(ILogger logger, string feed, string owner);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Feed {Feed}: the lease could not be taken or renewed: {Error}")]
    public static partial void LeaseError(ILogger logger, string feed, string error);
}
