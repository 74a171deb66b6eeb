using LiveTrack.Grains;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// Sends each client at most one frame per interval with everything pending for it. A client whose previous frame
/// is still being written is skipped this round (its pending positions keep coalescing), so a slow client never
/// holds up the others. Also sweeps <see cref="LiveTraffic"/> of aircraft silent for too long.
/// </summary>
internal sealed partial class FrameDispatcher(
    ClientSubscriptions clients,
    LiveTraffic traffic,
    IHubContext<TrackingHub, ITrackingClient> hub,
    IOptions<TrackingHubOptions> hubOptions,
    IOptions<TrackingOptions> trackingOptions,
    TimeProvider timeProvider,
    ILogger<FrameDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time: the frame cadence is a delivery concern, not domain time.
        using var timer = new PeriodicTimer(hubOptions.Value.FrameInterval, TimeProvider.System);
        var lastSweep = TimeProvider.System.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = timeProvider.GetUtcNow();
                foreach (var client in clients.All)
                {
                    if (client.TakeFrame(now) is { } frame)
                    {
                        _ = Send(client, frame);
                    }
                }

                if (TimeProvider.System.GetUtcNow() - lastSweep >= SweepInterval)
                {
                    lastSweep = TimeProvider.System.GetUtcNow();
                    traffic.Sweep(now - trackingOptions.Value.LostAfter - SweepInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Send(TrackingClient client, PositionFrame frame)
    {
        try
        {
            await hub.Clients.Client(client.ConnectionId).Positions(frame);
        }
        catch (Exception ex)
        {
            LogSendFailed(logger, client.ConnectionId, ex);
        }
        finally
        {
            client.FrameDone();
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Sending a frame to connection {ConnectionId} failed")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, Exception exception);
}
