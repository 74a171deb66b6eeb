using System.Diagnostics;
using LiveTrack.Grains;
using LiveTrack.Telemetry;
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
    LiveTrackMetrics metrics,
    ILogger<FrameDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    /// <summary>At most this many traces get a send span per frame (a frame can carry thousands of positions).</summary>
    private const int MaxTracedPerFrame = 8;

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
        var spans = StartSendSpans(client.ConnectionId, frame);
        try
        {
            Record(client, frame);
            await hub.Clients.Client(client.ConnectionId).Positions(frame);
        }
        catch (Exception ex)
        {
            LogSendFailed(logger, client.ConnectionId, ex);
            foreach (var span in spans)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message);
            }
        }
        finally
        {
            client.FrameDone();
            foreach (var span in spans)
            {
                span.Dispose();
            }
        }
    }

    private void Record(TrackingClient client, PositionFrame frame)
    {
        metrics.HubFrames.Add(1);
        metrics.HubPositions.Add(frame.Aircraft.Length);
        if (client.TakeDropped() is > 0 and var dropped)
        {
            metrics.HubPositionsDropped.Add(dropped);
        }

        foreach (var aircraft in frame.Aircraft)
        {
            metrics.HubLatency.Record(Math.Max(0, (frame.SentAt - aircraft.LastSeen).TotalSeconds));
        }
    }

    /// <summary>One <see cref="Spans.HubSend"/> span in each trace the frame continues (traced positions, events and alerts).</summary>
    private static List<Activity> StartSendSpans(string connectionId, PositionFrame frame)
    {
        var spans = new List<Activity>();
        if (!LiveTrackDiagnostics.Source.HasListeners())
        {
            return spans;
        }

        var parents = frame.Alerts.Select(a => a.TraceParent)
            .Concat(frame.Events.Select(e => e.TraceParent))
            .Concat(frame.Aircraft.Select(a => a.TraceParent))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTracedPerFrame);
        foreach (var parent in parents)
        {
            if (LiveTrackDiagnostics.StartFrom(Spans.HubSend, ActivityKind.Producer, parent) is { } span)
            {
                span.SetTag(Tags.Connection, connectionId);
                span.SetTag(Tags.Positions, frame.Aircraft.Length);
                span.SetTag(Tags.Events, frame.Events.Length);
                span.SetTag(Tags.Alerts, frame.Alerts.Length);
                spans.Add(span);
            }
        }

        return spans;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Sending a frame to connection {ConnectionId} failed")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, Exception exception);
}
