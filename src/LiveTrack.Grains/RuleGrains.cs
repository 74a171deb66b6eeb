using System.Diagnostics;
using LiveTrack.Alerting;
using LiveTrack.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace LiveTrack.Grains;

/// <summary>
/// The shared part of the rule grains: one <see cref="RuleEngine"/> per partition, evaluated on each stream item and
/// on a timer armed for the engine's next dwell or hold deadline (no polling), alerts handed to the journal.
/// </summary>
public abstract class RuleGrain<T>(IAlertRuleProvider rules, TimeProvider timeProvider, IOptions<TrackingOptions> tracking, LiveTrackMetrics metrics, ILogger logger)
    : Grain, IStreamSubscriptionObserver, IAsyncObserver<T>
{
    private const int MaxUnrecorded = 10_000;
    private static readonly TimeSpan RecordRetry = TimeSpan.FromSeconds(5);
    private readonly RuleEngine engine = new();
    private readonly TimeSpan lateness = tracking.Value.AllowedLateness;
    private List<Alert> unrecorded = [];
    private IGrainTimer? deadlineTimer;
    private IGrainTimer? retryTimer;
    private DateTimeOffset? armedFor;

    public Task<int> Tracked() => Task.FromResult(engine.TrackedCount);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<T>().ResumeAsync(this);
    }

    public async Task OnNextAsync(T item, StreamSequenceToken? token = null)
    {
        var now = timeProvider.GetUtcNow();
        metrics.RuleEvaluations.Add(1);
        var (traceParent, icao) = Describe(item);
        using var span = LiveTrackDiagnostics.StartFrom(Spans.RuleEvaluate, ActivityKind.Consumer, traceParent);
        span?.SetTag(Tags.Icao, icao);
        try
        {
            await Record(Evaluate(engine, item, rules.Current, now), span);
        }
        finally
        {
            // Never throw back to the stream: a redelivered item would find its alert already in cooldown (lost).
            // Alerts the journal could not take are kept and retried (their ids make a retry idempotent).
            Arm();
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        RuleLog.StreamError(logger, this.GetPrimaryKeyString(), ex);
        return Task.CompletedTask;
    }

    /// <summary>Runs the engine on one stream item.</summary>
    protected abstract IReadOnlyList<Alert> Evaluate(RuleEngine engine, T item, RuleSet rules, DateTimeOffset now);

    /// <summary>The item's trace parent and aircraft, for the evaluation span.</summary>
    protected abstract (string? TraceParent, string Icao) Describe(T item);

    private async Task OnDeadline(CancellationToken cancellationToken)
    {
        armedFor = null;
        metrics.RuleEvaluations.Add(1);
        try
        {
            await Record(engine.OnTimer(rules.Current, timeProvider.GetUtcNow(), lateness), null);
        }
        finally
        {
            Arm();
        }
    }

    private void Arm()
    {
        var fireAt = engine.NextDeadline;
        var next = fireAt is { } deadline ? deadline + lateness : (DateTimeOffset?)null;
        if (next == armedFor)
        {
            return;
        }

        deadlineTimer?.Dispose();
        deadlineTimer = null;
        armedFor = next;
        if (next is { } at)
        {
            var due = at - timeProvider.GetUtcNow();
            deadlineTimer = this.RegisterGrainTimer(OnDeadline, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { Interleave = false });
        }

        // Pending deadlines and live cooldowns keep the grain active (its state is in memory).
        if (next is not null)
        {
            DelayDeactivation(TimeSpan.FromHours(24));
        }
        else if (engine.TrackedCount > 0 && rules.Current.All.Count > 0)
        {
            DelayDeactivation(rules.Current.All.Max(r => r.Cooldown));
        }
    }

    private async Task Record(IReadOnlyList<Alert> alerts, Activity? evaluation)
    {
        foreach (var alert in alerts)
        {
            var traced = Trace(alert, evaluation);
            metrics.Alerts.Add(1, new KeyValuePair<string, object?>(Tags.RuleId, traced.RuleId), new KeyValuePair<string, object?>(Tags.Trigger, traced.Trigger.ToString()));
            unrecorded.Add(traced);
        }

        if (unrecorded.Count == 0)
        {
            return;
        }

        var batch = unrecorded;
        unrecorded = [];
        try
        {
            await GrainFactory.GetGrain<IAlertJournalGrain>(IAlertJournalGrain.Key).Record([.. batch]);
            retryTimer?.Dispose();
            retryTimer = null;
        }
        catch (Exception ex)
        {
            RuleLog.RecordFailed(logger, batch.Count, ex);
            unrecorded = batch.Count > MaxUnrecorded ? batch[^MaxUnrecorded..] : batch;
            retryTimer ??= this.RegisterGrainTimer(_ => Record([], null), new GrainTimerCreationOptions(RecordRetry, RecordRetry) { Interleave = false });
        }
    }

    /// <summary>
    /// Continues the trace of the evaluation, else of the triggering event or signal; an alert with no trace at all
    /// (its cause was not sampled) starts one here, so every alert has a trace.
    /// </summary>
    private static Alert Trace(Alert alert, Activity? evaluation)
    {
        if (LiveTrackDiagnostics.TraceParentOf(evaluation) is { } current)
        {
            return alert with { TraceId = evaluation!.TraceId.ToHexString(), TraceParent = current };
        }

        var cause = alert.Events.FirstOrDefault()?.TraceParent ?? alert.TraceParent;
        if (cause is not null)
        {
            using var span = LiveTrackDiagnostics.StartFrom(Spans.RuleEvaluate, ActivityKind.Internal, cause);
            return alert with { TraceParent = LiveTrackDiagnostics.TraceParentOf(span) ?? cause, TraceId = alert.TraceId ?? LiveTrackDiagnostics.TraceIdOf(span) };
        }

        return LiveTrackDiagnostics.Traced(Spans.RuleEvaluate, ActivityKind.Internal, span =>
        {
            span?.SetTag(Tags.RuleId, alert.RuleId);
            span?.SetTag(Tags.Icao, alert.Icao);
            return alert with { TraceId = LiveTrackDiagnostics.TraceIdOf(span), TraceParent = LiveTrackDiagnostics.TraceParentOf(span) };
        });
    }
}

/// <summary>
/// The rules of one fence: implicitly subscribed to the fence's event stream, so traffic is partitioned by fence and
/// no grain sees all of it. Rules naming the fence or one of its tags apply.
/// </summary>
[ImplicitStreamSubscription(LiveTrackStreams.GeofenceEventsNamespace)]
[GrainType("fence-rules")]
public sealed class FenceRulesGrain(IAlertRuleProvider rules, IGeofenceIndexProvider geofences, TimeProvider timeProvider, IOptions<TrackingOptions> tracking, LiveTrackMetrics metrics, ILogger<FenceRulesGrain> logger)
    : RuleGrain<GeofenceEvent>(rules, timeProvider, tracking, metrics, logger), IFenceRulesGrain
{
    protected override IReadOnlyList<Alert> Evaluate(RuleEngine engine, GeofenceEvent item, RuleSet rules, DateTimeOffset now) =>
        engine.OnGeofenceEvent(item, geofences.Current.Find(item.FenceId)?.Tags ?? [], rules, now);

    protected override (string? TraceParent, string Icao) Describe(GeofenceEvent item) => (item.TraceParent, item.Icao);
}

/// <summary>
/// Squawk and emergency rules for one partition of aircraft (<see cref="LiveTrackStreams.SignalPartitions"/>), fed by
/// the aircraft grains' signal stream of that partition.
/// </summary>
[ImplicitStreamSubscription(LiveTrackStreams.SignalsNamespace)]
[GrainType("signal-rules")]
public sealed class SignalRulesGrain(IAlertRuleProvider rules, TimeProvider timeProvider, IOptions<TrackingOptions> tracking, LiveTrackMetrics metrics, ILogger<SignalRulesGrain> logger)
    : RuleGrain<AircraftSignal>(rules, timeProvider, tracking, metrics, logger), ISignalRulesGrain
{
    protected override IReadOnlyList<Alert> Evaluate(RuleEngine engine, AircraftSignal item, RuleSet rules, DateTimeOffset now) =>
        engine.OnSignal(item, rules, now);

    protected override (string? TraceParent, string Icao) Describe(AircraftSignal item) => (item.TraceParent, item.Icao);
}

/// <summary>The cluster's alert journal (see <see cref="IAlertJournalGrain"/>).</summary>
[GrainType("alert-journal")]
public sealed class AlertJournalGrain(
    IAlertStore store,
    IAlertDelivery delivery,
    IAlertRuleProvider rules,
    ITrafficOutbox outbox) : Grain, IAlertJournalGrain
{
    public async Task<int> Record(Alert[] alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var added = 0;
        foreach (var alert in alerts)
        {
            using var span = LiveTrackDiagnostics.StartFrom(Spans.AlertRecord, ActivityKind.Internal, alert.TraceParent);
            span?.SetTag(Tags.AlertId, alert.Id);
            span?.SetTag(Tags.RuleId, alert.RuleId);
            if (!await store.Append(alert))
            {
                continue; // The same condition evaluated again: already recorded and delivered.
            }

            added++;
            var recorded = alert with { TraceParent = LiveTrackDiagnostics.TraceParentOf(span) ?? alert.TraceParent };
            outbox.Alert(recorded);
            if (rules.Current.Find(alert.RuleId) is { Webhooks.Count: > 0 } rule)
            {
                delivery.Enqueue(recorded, rule.Webhooks);
            }
        }

        return added;
    }

    public Task<AlertPage> Query(AlertQuery query) => Task.FromResult(store.Query(query));

    public Task<Alert?> Find(string alertId) => Task.FromResult(store.Find(alertId));

    public Task<DeadLetter[]> DeadLetters() => Task.FromResult(delivery.DeadLetters().ToArray());

    public Task<bool> Resend(string deadLetterId) => delivery.Resend(deadLetterId);
}

internal static partial class RuleLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Rule stream {Key} reported an error")]
    public static partial void StreamError(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Recording {Count} alerts in the journal failed; retrying")]
    public static partial void RecordFailed(ILogger logger, int count, Exception exception);
}
