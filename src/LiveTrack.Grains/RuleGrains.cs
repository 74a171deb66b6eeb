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

internal static partial class RuleLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Rule stream {Key} reported an error")]
    public static partial void StreamError(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Recording {Count} alerts in the journal failed; retrying")]
    public static partial void RecordFailed(ILogger logger, int count, Exception exception);
}
