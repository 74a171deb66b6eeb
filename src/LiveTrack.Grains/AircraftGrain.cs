using LiveTrack.Geofencing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;

namespace LiveTrack.Grains;

/// <summary>Names of LiveTrack's Orleans streams.</summary>
public static class LiveTrackStreams
{
    /// <summary>The stream provider grains publish on.</summary>
    public const string ProviderName = "livetrack";

    /// <summary>Geofence events, one stream per fence id.</summary>
    public const string GeofenceEventsNamespace = "geofence-events";
}

/// <summary>
/// One aircraft. Placed on the silo whose feed first reports it, so the hot ingestion path stays local; hub clients
/// on other silos receive its changes through the traffic fan-out. State is live data held in memory only. Every new
/// position is evaluated against the silo's geofence index; events go to the hub fan-out and to the fence's stream.
/// </summary>
[PreferLocalPlacement]
[GrainType("aircraft")]
public sealed class AircraftGrain(
    ITrafficOutbox outbox,
    IGeofenceIndexProvider geofences,
    TimeProvider timeProvider,
    IOptions<TrackingOptions> options,
    ILogger<AircraftGrain> logger) : Grain, IAircraftGrain
{
    private readonly TrackingOptions tracking = options.Value;
    private AircraftTrack? track;
    private AircraftFences? fences;
    private TrackPosition? lastPosition;
    private IGrainTimer? silenceTimer;

    private AircraftTrack Track => track ??= new AircraftTrack(this.GetPrimaryKeyString(), tracking);

    private AircraftFences Fences => fences ??= new AircraftFences(this.GetPrimaryKeyString(), timeProvider.GetUtcNow());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(tracking.LostAfter.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond * 15));
        silenceTimer = this.RegisterGrainTimer(CheckSilence, new GrainTimerCreationOptions(period, period) { Interleave = false });
        return Task.CompletedTask;
    }

    public async Task<ReportOutcome> Report(AircraftReport[] reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var now = timeProvider.GetUtcNow();
        var total = default(ReportOutcome);
        List<GeofenceEvent>? events = null;
        foreach (var report in reports)
        {
            var before = Track.State?.Position;
            var state = Track.Apply(report, now, out var outcome);
            total += outcome;
            if (state.Position is { } position && position != before)
            {
                var current = new TrackPosition(position.Latitude, position.Longitude, state.BarometricAltitudeFeet?.Value ?? state.GeometricAltitudeFeet?.Value, position.At);
                var raised = Fences.Moved(geofences.Current, lastPosition, current, state.Callsign?.Value);
                lastPosition = current;
                if (raised.Count > 0)
                {
                    (events ??= []).AddRange(raised);
                }
            }
        }

        if (total.Accepted > 0 && Track.State is { } accepted)
        {
            outbox.Updated(Snapshot(accepted));
        }

        if (events is not null)
        {
            await Publish(events);
        }

        return total;
    }

    public Task<AircraftState?> GetState() => Task.FromResult(track?.State is { Accepted: > 0 } s ? s : null);

    public Task<string[]> GetGeofences() => Task.FromResult(fences?.Inside.Order(StringComparer.Ordinal).ToArray() ?? []);

    public async Task ReevaluateGeofence(string fenceId)
    {
        var state = track?.State;
        var fence = geofences.Current.Find(fenceId);
        if (Fences.FenceChanged(fenceId, fence, lastPosition, state?.Callsign?.Value) is { } raised)
        {
            if (state is not null)
            {
                outbox.Updated(Snapshot(state));
            }

            await Publish([raised]);
        }
    }

    private AircraftSnapshot Snapshot(AircraftState state) =>
        state.ToSnapshot() with { Geofences = fences is { Inside.Count: > 0 } f ? [.. f.Inside.Order(StringComparer.Ordinal)] : [] };

    private async Task Publish(List<GeofenceEvent> events)
    {
        outbox.Events(events);
        var provider = this.GetStreamProvider(LiveTrackStreams.ProviderName);
        foreach (var e in events)
        {
            try
            {
                await provider.GetStream<GeofenceEvent>(StreamId.Create(LiveTrackStreams.GeofenceEventsNamespace, e.FenceId)).OnNextAsync(e);
            }
            catch (Exception ex)
            {
                // Hub clients already have the event through the fan-out; stream consumers miss this one.
                AircraftLog.StreamPublishFailed(logger, e.Icao, e.FenceId, e.Sequence, ex);
            }
        }
    }

    private async Task CheckSilence(CancellationToken cancellationToken)
    {
        var state = track?.State;
        if (state is null || state.Accepted == 0)
        {
            // Activated by a query for an aircraft never seen: nothing to keep alive.
            DeactivateOnIdle();
            return;
        }

        var now = timeProvider.GetUtcNow();
        var silence = now - state.LastSeen;
        if (silence >= tracking.LostAfter)
        {
            AircraftLog.Lost(logger, state.Icao, silence);
            var lostInside = Fences.Lost(lastPosition, now, state.Callsign?.Value);
            outbox.Lost(state.ToSnapshot());
            if (lostInside.Count > 0)
            {
                await Publish(lostInside);
            }

            silenceTimer?.Dispose();
            track = null;
            DeactivateOnIdle();
        }
    }
}

internal static partial class AircraftLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Aircraft {Icao} lost after {Silence} of silence")]
    public static partial void Lost(ILogger logger, string icao, TimeSpan silence);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Publishing geofence event {Sequence} of {Icao} for fence {FenceId} on the stream failed")]
    public static partial void StreamPublishFailed(ILogger logger, string icao, string fenceId, long sequence, Exception exception);
}
