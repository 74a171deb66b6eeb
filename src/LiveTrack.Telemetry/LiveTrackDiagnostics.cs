using System.Diagnostics;

namespace LiveTrack.Telemetry;

/// <summary>
/// LiveTrack's <see cref="ActivitySource"/> and the names of its spans and attributes. One trace follows a position
/// report from the feed to the hub client: <c>livetrack.feed.report</c> → <c>livetrack.ingest.deliver</c> → (Orleans
/// grain call) → <c>livetrack.geofence.evaluate</c> → <c>livetrack.geofence.publish</c> →
/// <c>livetrack.rule.evaluate</c> → <c>livetrack.alert.record</c> → <c>livetrack.webhook.deliver</c>, and
/// <c>livetrack.hub.send</c> for the frames that carry the position or its events.
/// </summary>
public static class LiveTrackDiagnostics
{
    /// <summary>Name of the LiveTrack <see cref="System.Diagnostics.ActivitySource"/> and meter.</summary>
    public const string SourceName = "LiveTrack";

    /// <summary>The LiveTrack activity source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(LiveTrackDiagnostics).Assembly.GetName().Version?.ToString(3));

    /// <summary>
    /// Initial tag of spans that must be recorded whatever the sampling ratio: the root of a trace for a position
    /// that raised a geofence event or alert although its report was not sampled.
    /// </summary>
    public const string ForceSampleTag = "livetrack.sampling.force";

    /// <summary>
    /// Starts a span in the trace of the W3C <c>traceparent</c> <paramref name="traceParent"/>: under the current span
    /// when that is in the same trace (e.g. the grain call that carried it), else directly under that parent. None
    /// when it is null or invalid or the span is not sampled.
    /// </summary>
    public static Activity? StartFrom(string name, ActivityKind kind, string? traceParent)
    {
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
        {
            return null;
        }

        return Activity.Current is { } current && current.TraceId == parent.TraceId
            ? Source.StartActivity(name, kind)
            : Source.StartActivity(name, kind, parent);
    }

    /// <summary>
    /// Runs <paramref name="body"/> in a span under the current one when that is recorded, else in a new trace recorded
    /// whatever the sampling ratio (see <see cref="ForceSampleTag"/>); <see cref="Activity.Current"/> is restored after.
    /// </summary>
    public static T Traced<T>(string name, ActivityKind kind, Func<Activity?, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var previous = Activity.Current;
        try
        {
            if (previous is { Recorded: true })
            {
                using var child = Source.StartActivity(name, kind);
                return body(child);
            }

            // A new root: an unrecorded ambient span must not become the parent (it would be sampled out with it).
            Activity.Current = null;
            using var root = Source.StartActivity(name, kind, parentContext: default, tags: [new(ForceSampleTag, true)]);
            return body(root);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    /// <summary>The W3C <c>traceparent</c> of a recorded span, to carry in a message; null otherwise.</summary>
    public static string? TraceParentOf(Activity? activity) => activity is { Recorded: true, IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;

    /// <summary>The trace id (32 hex digits) of a recorded span; null otherwise.</summary>
    public static string? TraceIdOf(Activity? activity) => activity is { Recorded: true } ? activity.TraceId.ToHexString() : null;
}

/// <summary>Span names (see <see cref="LiveTrackDiagnostics"/>).</summary>
public static class Spans
{
    /// <summary>A feed line or entry became a report and was queued for its aircraft (root; sampled at the configured ratio).</summary>
    public const string FeedReport = "livetrack.feed.report";

    /// <summary>The ingestion pipeline's call to one aircraft grain with that aircraft's queued reports.</summary>
    public const string Deliver = "livetrack.ingest.deliver";

    /// <summary>One new position evaluated against the geofences inside the aircraft grain.</summary>
    public const string GeofenceEvaluate = "livetrack.geofence.evaluate";

    /// <summary>Root of a trace for a position that raised a geofence event but whose report was not sampled.</summary>
    public const string GeofenceEvent = "livetrack.geofence.event";

    /// <summary>A geofence event published to the fan-out and its fence's stream.</summary>
    public const string GeofencePublish = "livetrack.geofence.publish";

    /// <summary>A squawk or emergency change published to its partition's signal stream.</summary>
    public const string SignalPublish = "livetrack.signal.publish";

    /// <summary>A rule grain evaluating one geofence event or aircraft signal (or a dwell/hold deadline).</summary>
    public const string RuleEvaluate = "livetrack.rule.evaluate";

    /// <summary>An alert stored in the history and handed to hub clients and webhooks.</summary>
    public const string AlertRecord = "livetrack.alert.record";

    /// <summary>One HTTP attempt to deliver an alert to a webhook.</summary>
    public const string WebhookDeliver = "livetrack.webhook.deliver";

    /// <summary>A frame carrying a traced position, event or alert sent to one hub connection.</summary>
    public const string HubSend = "livetrack.hub.send";
}

/// <summary>Attribute names on LiveTrack spans and metrics.</summary>
public static class Tags
{
    public const string Feed = "livetrack.feed";
    public const string Icao = "livetrack.aircraft.icao";
    public const string Reports = "livetrack.reports";
    public const string FenceId = "livetrack.geofence.id";
    public const string EventKind = "livetrack.geofence.event.kind";
    public const string Events = "livetrack.geofence.events";
    public const string RuleId = "livetrack.rule.id";
    public const string AlertId = "livetrack.alert.id";
    public const string Trigger = "livetrack.alert.trigger";
    public const string Alerts = "livetrack.alerts";
    public const string Connection = "signalr.connection.id";
    public const string Positions = "livetrack.positions";
    public const string WebhookHost = "server.address";
    public const string Attempt = "livetrack.webhook.attempt";
    public const string Outcome = "livetrack.outcome";
    public const string HistoryRecord = "livetrack.history.record";
}
