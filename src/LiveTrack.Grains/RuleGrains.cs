using System.Diagnostics;
using System.Text.Json;
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
/// The engine's state (cooldowns, pending dwells and holds) is persisted whenever it changes, and a reminder due at
/// the next deadline reactivates the grain after a restart or on another silo, so a deadline fires on time.
/// </summary>
public abstract class RuleGrain<T>(IPersistentState<RuleGrainState> state, IAlertRuleProvider rules, TimeProvider timeProvider, IOptions<TrackingOptions> tracking, LiveTrackMetrics metrics, ILogger logger)
    : Grain, IStreamSubscriptionObserver, IAsyncObserver<T>, IRemindable
{
    /// <summary>The reminder that reactivates a grain with a pending deadline.</summary>
    public const string DeadlineReminder = "deadline";

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private const int MaxUnrecorded = 10_000;
    private static readonly TimeSpan RecordRetry = TimeSpan.FromSeconds(5);
    private readonly RuleEngine engine = new();
    private readonly TimeSpan lateness = tracking.Value.AllowedLateness;
    private List<Alert> unrecorded = [];
    private IGrainTimer? deadlineTimer;
    private IGrainTimer? retryTimer;
    private DateTimeOffset? armedFor;
    private IGrainReminder? reminder;
    private DateTimeOffset? reminderDue;

    public Task<int> Tracked() => Task.FromResult(engine.TrackedCount);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Engine is { } saved)
        {
            try
            {
                engine.Restore(JsonSerializer.Deserialize<RuleEngineState>(saved, AlertJson.Options) ?? new RuleEngineState());
            }
            catch (JsonException ex)
            {
                RuleLog.StateUnreadable(logger, this.GetPrimaryKeyString(), ex);
            }
        }

        reminder = await this.GetReminder(DeadlineReminder, cancellationToken);
        await Arm();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Arm();

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
            await Arm();
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
            await Arm();
        }
    }

    /// <summary>Persists the engine's state when it changed, then arms the timer and reminder for the next deadline.</summary>
    private async Task Arm()
    {
        var fireAt = engine.NextDeadline;
        var next = fireAt is { } deadline ? deadline + lateness : (DateTimeOffset?)null;
        await Persist();
        await Remind(next);
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

    /// <summary>Writes the engine's state when it differs from the one stored (a failure is logged; the next change retries).</summary>
    private async Task Persist()
    {
        var exported = engine.Export();
        var json = exported.IsEmpty ? null : JsonSerializer.Serialize(exported, AlertJson.Options);
        if (string.Equals(json, state.State.Engine, StringComparison.Ordinal))
        {
            return;
        }

        var previous = state.State.Engine;
        state.State.Engine = json;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State.Engine = previous;
            RuleLog.PersistFailed(logger, this.GetPrimaryKeyString(), ex);
        }
    }

    /// <summary>
    /// Keeps a reminder due no later than the next deadline while one is pending (it reactivates the grain after a
    /// restart), and removes it when none is. Updated only when the deadline moves earlier: a later one is met by the
    /// reminder's period.
    /// </summary>
    private async Task Remind(DateTimeOffset? next)
    {
        try
        {
            if (next is null)
            {
                if (reminder is not null)
                {
                    await this.UnregisterReminder(reminder);
                    reminder = null;
                    reminderDue = null;
                }

                return;
            }

            if (reminder is null || reminderDue is null || next < reminderDue)
            {
                var due = next.Value - timeProvider.GetUtcNow();
                reminder = await this.RegisterOrUpdateReminder(DeadlineReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, ReminderPeriod);
                reminderDue = next;
            }
        }
        catch (Exception ex)
        {
            RuleLog.ReminderFailed(logger, this.GetPrimaryKeyString(), ex);
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

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Persisting the rule state of {Key} failed; retried at its next change")]
    public static partial void PersistFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "The stored rule state of {Key} is unreadable; starting empty")]
    public static partial void StateUnreadable(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Updating the deadline reminder of {Key} failed")]
    public static partial void ReminderFailed(ILogger logger, string key, Exception exception);
}
