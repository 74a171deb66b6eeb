using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace LiveTrack.Grains;

/// <summary>
/// One aircraft. Placed on the silo whose feed first reports it, so the hot ingestion path stays local; hub clients
/// on other silos receive its changes through the traffic fan-out. State is live data held in memory only.
/// </summary>
[PreferLocalPlacement]
[GrainType("aircraft")]
public sealed class AircraftGrain(
    ITrafficOutbox outbox,
    TimeProvider timeProvider,
    IOptions<TrackingOptions> options,
    ILogger<AircraftGrain> logger) : Grain, IAircraftGrain
{
    private readonly TrackingOptions tracking = options.Value;
    private AircraftTrack? track;
    private IGrainTimer? silenceTimer;

    private AircraftTrack Track => track ??= new AircraftTrack(this.GetPrimaryKeyString(), tracking);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(tracking.LostAfter.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond * 15));
        silenceTimer = this.RegisterGrainTimer(CheckSilence, new GrainTimerCreationOptions(period, period) { Interleave = false });
        return Task.CompletedTask;
    }

    public Task<ReportOutcome> Report(AircraftReport[] reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var now = timeProvider.GetUtcNow();
        var total = default(ReportOutcome);
        foreach (var report in reports)
        {
            Track.Apply(report, now, out var outcome);
            total += outcome;
        }

        if (total.Accepted > 0 && Track.State is { } state)
        {
            outbox.Updated(state.ToSnapshot());
        }

        return Task.FromResult(total);
    }

    public Task<AircraftState?> GetState() => Task.FromResult(track?.State is { Accepted: > 0 } s ? s : null);

    private Task CheckSilence(CancellationToken cancellationToken)
    {
        var state = track?.State;
        if (state is null || state.Accepted == 0)
        {
            // Activated by a query for an aircraft never seen: nothing to keep alive.
            DeactivateOnIdle();
            return Task.CompletedTask;
        }

        var silence = timeProvider.GetUtcNow() - state.LastSeen;
        if (silence >= tracking.LostAfter)
        {
            AircraftLog.Lost(logger, state.Icao, silence);
            outbox.Lost(state.ToSnapshot());
            silenceTimer?.Dispose();
            track = null;
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }
}

internal static partial class AircraftLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Aircraft {Icao} lost after {Silence} of silence")]
    public static partial void Lost(ILogger logger, string icao, TimeSpan silence);
}
