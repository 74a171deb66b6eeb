namespace LiveTrack;

/// <summary>A batched update for one hub client: the latest state of every changed aircraft it subscribed to.</summary>
/// <param name="Sequence">Per-connection frame counter, starting at 1.</param>
/// <param name="SentAt">Server time the frame was sent.</param>
/// <param name="Aircraft">Latest snapshot of each changed aircraft in the client's subscriptions.</param>
/// <param name="Lost">Addresses of subscribed aircraft reported lost (silent for longer than the lost timeout).</param>
/// <param name="Events">Geofence events of the client's geofence subscriptions, in the order they were raised.</param>
public sealed record PositionFrame(long Sequence, DateTimeOffset SentAt, AircraftSnapshot[] Aircraft, string[] Lost, GeofenceEvent[] Events)
{
    /// <summary>Alerts of the client's alert subscriptions, in the order they were recorded.</summary>
    public Alert[] Alerts { get; init; } = [];

    /// <summary>
    /// Geofence events of the client's subscriptions dropped since the previous frame because the client fell more than
    /// the buffer's worth of events behind (the oldest go first). Zero unless the client is too slow.
    /// </summary>
    public long MissedEvents { get; init; }

    /// <summary>
    /// Alerts of the client's subscriptions dropped since the previous frame for the same reason; they are in the alert
    /// history (<c>GET /api/alerts</c>) to catch up from.
    /// </summary>
    public long MissedAlerts { get; init; }
}
