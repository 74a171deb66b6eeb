namespace LiveTrack.Telemetry;

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
