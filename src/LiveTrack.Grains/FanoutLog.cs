using Microsoft.Extensions.Logging;

namespace LiveTrack.Grains;

internal static partial class FanoutLog
{
    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Relaying {Count} traffic changes to silo {Silo} failed; that silo's clients miss them until the aircraft report again")]
    public static partial void RelayFailed(ILogger logger, SiloAddress silo, int count, Exception exception);
}
