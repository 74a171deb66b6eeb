using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace LiveTrack.Grains;

internal static partial class FanoutLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Traffic observer of silo {Silo} registered")]
    public static partial void ObserverRegistered(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Traffic observer of silo {Silo} dropped (silo status {Status})")]
    public static partial void ObserverDropped(ILogger logger, SiloAddress silo, SiloStatus status);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Publishing traffic to the silos failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "A silo's traffic observer failed; it is skipped until the next directory refresh")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Refreshing this silo's traffic observer registration failed")]
    public static partial void RegisterFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "Unregistering this silo's traffic observer failed")]
    public static partial void UnregisterFailed(ILogger logger, Exception exception);
}
