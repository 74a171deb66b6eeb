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
