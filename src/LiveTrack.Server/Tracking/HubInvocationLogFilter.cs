using Microsoft.AspNetCore.SignalR;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// The one place hub invocation failures are logged: a <see cref="HubException"/> is the client's mistake (an invalid
/// argument, an unknown fence) and is logged at Debug; anything else is the server's and is logged at Error. SignalR's
/// own dispatcher, which logs every failure at Error, is silenced for this (see <c>LiveTrackHosting</c>).
/// </summary>
internal sealed partial class HubInvocationLogFilter(ILogger<HubInvocationLogFilter> logger) : IHubFilter
{
    /// <summary>The logging category of SignalR's dispatcher, whose failure log this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException ex)
        {
            LogRefused(logger, invocationContext.HubMethodName, invocationContext.Context.ConnectionId, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(logger, invocationContext.HubMethodName, invocationContext.Context.ConnectionId, ex);
            throw;
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Hub call {Method} from connection {ConnectionId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string connectionId, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Hub call {Method} from connection {ConnectionId} failed")]
    private static partial void LogFailed(ILogger logger, string method, string connectionId, Exception exception);
}
