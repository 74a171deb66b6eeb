namespace LiveTrack.Telemetry;

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
