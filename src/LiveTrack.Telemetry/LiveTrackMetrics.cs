using System.Diagnostics.Metrics;

namespace LiveTrack.Telemetry;

/// <summary>
/// Every LiveTrack metric except the per-feed observable instruments (<see cref="FeedMetrics"/>, beside this class,
/// read from the feed status objects), on the <c>LiveTrack</c> meter created through the host's
/// <see cref="IMeterFactory"/>. One instance per host.
/// </summary>
public sealed class LiveTrackMetrics
{
    private static readonly InstrumentAdvice<double> LatencyBuckets = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10],
    };

    private static readonly InstrumentAdvice<double> EvaluationBuckets = new()
    {
        HistogramBucketBoundaries = [0.000_001, 0.000_005, 0.000_01, 0.000_05, 0.000_1, 0.000_5, 0.001, 0.005, 0.01],
    };

    public LiveTrackMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(LiveTrackDiagnostics.SourceName);
        ActiveAircraft = meter.CreateUpDownCounter<long>("livetrack.aircraft.active", "{aircraft}", "Aircraft with live state on this silo.");
        FenceEvaluations = meter.CreateCounter<long>("livetrack.geofence.evaluations", "{position}", "New positions evaluated against the geofences.");
        FenceEvaluationDuration = meter.CreateHistogram("livetrack.geofence.evaluation.duration", "s", "Time to evaluate one new position against the geofences.", advice: EvaluationBuckets);
        GeofenceEvents = meter.CreateCounter<long>("livetrack.geofence.events", "{event}", "Geofence events raised, by kind (livetrack.geofence.event.kind).");
        RuleEvaluations = meter.CreateCounter<long>("livetrack.rule.evaluations", "{evaluation}", "Geofence events, aircraft signals and deadlines evaluated against the alert rules.");
        Alerts = meter.CreateCounter<long>("livetrack.alerts", "{alert}", "Alerts raised, by rule (livetrack.rule.id) and trigger (livetrack.alert.trigger).");
        WebhookAttempts = meter.CreateCounter<long>("livetrack.webhook.attempts", "{attempt}", "HTTP attempts to deliver an alert to a webhook.");
        WebhookFailures = meter.CreateCounter<long>("livetrack.webhook.failures", "{attempt}", "Webhook attempts that failed (error, timeout or non-2xx status).");
        WebhookDeadLetters = meter.CreateCounter<long>("livetrack.webhook.dead_letters", "{delivery}", "Webhook deliveries given up after their retry time and kept as dead letters.");
        HubConnections = meter.CreateUpDownCounter<long>("livetrack.hub.connections", "{connection}", "Open SignalR connections to the tracking hub.");
        HubSubscriptions = meter.CreateUpDownCounter<long>("livetrack.hub.subscriptions", "{subscription}", "Active hub subscriptions (areas, aircraft, geofences, alerts).");
        HubFrames = meter.CreateCounter<long>("livetrack.hub.frames", "{frame}", "Frames sent to hub clients.");
        HubPositions = meter.CreateCounter<long>("livetrack.hub.positions", "{position}", "Aircraft positions sent to hub clients.");
        HubPositionsDropped = meter.CreateCounter<long>("livetrack.hub.positions.dropped", "{position}", "Positions replaced by a newer one before a slow client could be sent them.");
        HubLatency = meter.CreateHistogram("livetrack.hub.latency", "s", "Report-to-client latency: from a report's receipt to the send of the frame carrying it.", advice: LatencyBuckets);
        HistoryBacklog = meter.CreateUpDownCounter<long>("livetrack.history.backlog", "{record}", "History records (positions, changes, events) queued on this silo and not yet written.");
        HistoryWritten = meter.CreateCounter<long>("livetrack.history.written", "{record}", "History records written, by kind (livetrack.history.record: position, change, event).");
        HistoryDropped = meter.CreateCounter<long>("livetrack.history.dropped", "{record}", "History records dropped because the writer's queue was full.");
        HistoryWriteDuration = meter.CreateHistogram("livetrack.history.write.duration", "s", "Time to write one history batch to the store.", advice: LatencyBuckets);
        HistoryWriteFailures = meter.CreateCounter<long>("livetrack.history.write.failures", "{batch}", "History batches whose write failed (retried while the queue has room).");
    }

    public UpDownCounter<long> ActiveAircraft { get; }

    public Counter<long> FenceEvaluations { get; }

    public Histogram<double> FenceEvaluationDuration { get; }

    public Counter<long> GeofenceEvents { get; }

    public Counter<long> RuleEvaluations { get; }

    public Counter<long> Alerts { get; }

    public Counter<long> WebhookAttempts { get; }

    public Counter<long> WebhookFailures { get; }

    public Counter<long> WebhookDeadLetters { get; }

    public UpDownCounter<long> HubConnections { get; }

    public UpDownCounter<long> HubSubscriptions { get; }

    public Counter<long> HubFrames { get; }

    public Counter<long> HubPositions { get; }

    public Counter<long> HubPositionsDropped { get; }

    public Histogram<double> HubLatency { get; }

    public UpDownCounter<long> HistoryBacklog { get; }

    public Counter<long> HistoryWritten { get; }

    public Counter<long> HistoryDropped { get; }

    public Histogram<double> HistoryWriteDuration { get; }

    public Counter<long> HistoryWriteFailures { get; }
}
