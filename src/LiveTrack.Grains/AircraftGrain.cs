using System.Diagnostics;
using LiveTrack.Geofencing;
using LiveTrack.History;
using LiveTrack.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace LiveTrack.Grains;

/// <summary>
/// One aircraft. Placed on the silo whose feed first reports it, so the hot ingestion path stays local; hub clients
/// on other silos receive its changes through the traffic fan-out. State is live data held in memory, except the
/// fences it is inside and its event sequence, persisted only when events change them (crossings are rare). Every new
/// position is evaluated against the silo's geofence index; events go to the hub fan-out and to the fence's stream.
/// Accepted positions, field changes and events are handed to the silo's history writer (queued, never awaited).
/// </summary>
[PreferLocalPlacement]
[GrainType("aircraft")]
public sealed class AircraftGrain(
    ITrafficOutbox outbox,
    IGeofenceIndexProvider geofences,
    IHistoryRecorder history,
    TimeProvider timeProvider,
    IOptions<TrackingOptions> options,
    LiveTrackMetrics metrics,
    ILogger<AircraftGrain> logger,
    LiveTrack.Identity.IAircraftIdentityProvider identities,
    [PersistentState("fences", LiveTrackStorage.StateName)] IPersistentState<AircraftFenceState> fenceState) : Grain, IAircraftGrain
{
    private readonly TrackingOptions tracking = options.Value;
    private AircraftTrack? track;
    private AircraftFences? fences;
    private TrackPosition? lastPosition;
    private IGrainTimer? silenceTimer;
    private bool counted;

    private AircraftTrack Track => track ??= new AircraftTrack(this.GetPrimaryKeyString(), tracking) { Identity = identities.Find(this.GetPrimaryKeyString()) };

    private AircraftFences Fences => fences ??= Restored();

    private AircraftFences Restored()
    {
        var restored = new AircraftFences(this.GetPrimaryKeyString(), timeProvider.GetUtcNow());
        if (fenceState.RecordExists)
        {
            restored.Restore(fenceState.State.Sequence, fenceState.State.Inside, geofences.Current);
        }

        return restored;
    }

    /// <summary>Persists the membership and sequence after events (a failure is logged; the next event retries).</summary>
    private async Task SaveFences()
    {
        if (fences is not { } current)
        {
            return;
        }

        fenceState.State.Sequence = current.Sequence;
        fenceState.State.Inside = [.. current.Inside.Order(StringComparer.Ordinal)];
        try
        {
            await fenceState.WriteStateAsync();
        }
        catch (Exception ex)
        {
            AircraftLog.SaveFailed(logger, this.GetPrimaryKeyString(), ex);
        }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(tracking.LostAfter.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond * 15));
        silenceTimer = this.RegisterGrainTimer(CheckSilence, new GrainTimerCreationOptions(period, period) { Interleave = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Count(false);
        return Task.CompletedTask;
    }

    public async Task<ReportOutcome> Report(AircraftReport[] reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var now = timeProvider.GetUtcNow();
        var total = default(ReportOutcome);
        List<GeofenceEvent>? events = null;
        List<AircraftSignal>? signals = null;
        string? traceParent = null;
        var merged = false;
        foreach (var report in reports)
        {
            var previous = Track.State;
            var state = Track.Apply(report, now, out var outcome);
            total += outcome;
            if (!Track.Merged)
            {
                continue;
            }

            merged = true;

            traceParent = report.TraceParent ?? traceParent;
            HistoryRecords.Record(history, previous, state, report);
            if (state.Position is { } position && position != previous?.Position)
            {
                var current = new TrackPosition(position.Latitude, position.Longitude, state.BarometricAltitudeFeet?.Value ?? state.GeometricAltitudeFeet?.Value, position.At);
                using var span = LiveTrackDiagnostics.StartFrom(Spans.GeofenceEvaluate, ActivityKind.Internal, report.TraceParent);
                traceParent = LiveTrackDiagnostics.TraceParentOf(span) ?? traceParent;
                var started = Stopwatch.GetTimestamp();
                var raised = Fences.Moved(geofences.Current, lastPosition, current, state.Callsign?.Value);
                metrics.FenceEvaluations.Add(1);
                metrics.FenceEvaluationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                lastPosition = current;
                if (raised.Count > 0)
                {
                    (events ??= []).AddRange(Traced(raised, state, span));
                }
            }

            // A new squawk code, or the emergency flag going on or off: what state-condition rules act on.
            if ((state.Squawk is { } squawk && squawk.Value != previous?.Squawk?.Value)
                || (state.Emergency?.Value == true) != (previous?.Emergency?.Value == true))
            {
                (signals ??= []).Add(Signal(state, report, lost: false));
            }
        }

        if (merged && Track.State is { } accepted)
        {
            Count(true);
            outbox.Updated(Snapshot(accepted) with { TraceParent = traceParent });
        }

        if (events is not null)
        {
            await Publish(events);
        }

        if (signals is not null)
        {
            await PublishSignals(signals);
        }

        return total;
    }

    /// <summary>
    /// Stamps events with the aircraft's state and the trace of the position that raised them. A position whose report
    /// was not sampled starts its own trace here (always recorded), so every event has a trace to open.
    /// </summary>
    private List<GeofenceEvent> Traced(List<GeofenceEvent> raised, AircraftState state, Activity? evaluation) =>
        evaluation is not null
            ? Stamp(raised, state, evaluation)
            : LiveTrackDiagnostics.Traced(Spans.GeofenceEvent, ActivityKind.Internal, root => Stamp(raised, state, root));

    private List<GeofenceEvent> Stamp(List<GeofenceEvent> raised, AircraftState state, Activity? span)
    {
        span?.SetTag(Tags.Icao, state.Icao);
        span?.SetTag(Tags.Events, raised.Count);
        var aircraft = Snapshot(state);
        var traceId = LiveTrackDiagnostics.TraceIdOf(span);
        var traceParent = LiveTrackDiagnostics.TraceParentOf(span);
        foreach (var e in raised)
        {
            metrics.GeofenceEvents.Add(1, new KeyValuePair<string, object?>(Tags.EventKind, e.Kind.ToString()));
        }

        return raised.Select(e => e with { Aircraft = aircraft, TraceId = traceId, TraceParent = traceParent }).ToList();
    }

    private AircraftSignal Signal(AircraftState state, AircraftReport? report, bool lost)
    {
        // Traced with its report; a rule that alerts on an untraced signal starts the alert's trace itself.
        using var span = LiveTrackDiagnostics.StartFrom(Spans.SignalPublish, ActivityKind.Producer, report?.TraceParent);
        span?.SetTag(Tags.Icao, state.Icao);
        return new AircraftSignal
        {
            Icao = state.Icao,
            Sequence = Fences.NextSequence(),
            Squawk = lost ? null : state.Squawk?.Value,
            Emergency = lost ? null : state.Emergency?.Value,
            At = lost ? state.LastSeen : report?.Timestamp ?? state.LastSeen,
            Lost = lost,
            Aircraft = Snapshot(state),
            TraceId = LiveTrackDiagnostics.TraceIdOf(span),
            TraceParent = LiveTrackDiagnostics.TraceParentOf(span),
        };
    }

    private void Count(bool live)
    {
        if (live != counted)
        {
            counted = live;
            metrics.ActiveAircraft.Add(live ? 1 : -1);
        }
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

            await Publish(state is null ? [raised] : Traced([raised], state, evaluation: null));
        }
    }

    private AircraftSnapshot Snapshot(AircraftState state) =>
        state.ToSnapshot() with { Geofences = fences is { Inside.Count: > 0 } f ? [.. f.Inside.Order(StringComparer.Ordinal)] : [] };

    private async Task Publish(List<GeofenceEvent> events)
    {
        await SaveFences();
        outbox.Events(events);
        foreach (var e in events)
        {
            history.FenceEvent(new EventRecord { Event = e });
        }

        var provider = this.GetStreamProvider(LiveTrackStreams.ProviderName);
        foreach (var e in events)
        {
            using var span = LiveTrackDiagnostics.StartFrom(Spans.GeofencePublish, ActivityKind.Producer, e.TraceParent);
            span?.SetTag(Tags.Icao, e.Icao);
            span?.SetTag(Tags.FenceId, e.FenceId);
            span?.SetTag(Tags.EventKind, e.Kind.ToString());
            try
            {
                await provider.GetStream<GeofenceEvent>(StreamId.Create(LiveTrackStreams.GeofenceEventsNamespace, e.FenceId)).OnNextAsync(e);
            }
            catch (Exception ex)
            {
                // Hub clients already have the event through the fan-out; stream consumers miss this one.
                AircraftLog.StreamPublishFailed(logger, e.Icao, e.FenceId, e.Sequence, ex);
                span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            }
        }
    }

    private async Task PublishSignals(List<AircraftSignal> signals)
    {
        var stream = this.GetStreamProvider(LiveTrackStreams.ProviderName)
            .GetStream<AircraftSignal>(StreamId.Create(LiveTrackStreams.SignalsNamespace, LiveTrackStreams.SignalPartition(this.GetPrimaryKeyString())));
        foreach (var signal in signals)
        {
            try
            {
                await stream.OnNextAsync(signal);
            }
            catch (Exception ex)
            {
                AircraftLog.SignalPublishFailed(logger, signal.Icao, signal.Sequence, ex);
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
                // No report caused these: they get a trace of their own, so they carry a trace id like every event.
                await Publish(Traced(lostInside, state, evaluation: null));
            }

            if (state.Squawk is not null || state.Emergency is not null)
            {
                // Ends any squawk or emergency hold a rule is timing for this aircraft.
                await PublishSignals([Signal(state, null, lost: true)]);
            }

            Count(false);

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

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Publishing signal {Sequence} of {Icao} on the stream failed")]
    public static partial void SignalPublishFailed(ILogger logger, string icao, long sequence, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Persisting the fence membership of {Icao} failed")]
    public static partial void SaveFailed(ILogger logger, string icao, Exception exception);
}
