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

/// <summary>Methods the server calls on SignalR clients of <c>/hubs/tracking</c>.</summary>
public interface ITrackingClient
{
    /// <summary>A batched position frame (at most one per frame interval per client).</summary>
    Task Positions(PositionFrame frame);
}

/// <summary>Methods SignalR clients call on <c>/hubs/tracking</c>.</summary>
public interface ITrackingHub
{
    /// <summary>
    /// Subscribes to every aircraft inside a bounding box (minLon &gt; maxLon crosses the antimeridian). The next
    /// frame carries the aircraft already inside. Returns the subscription id.
    /// </summary>
    Task<string> SubscribeArea(double minLon, double minLat, double maxLon, double maxLat);

    /// <summary>Subscribes to one aircraft by ICAO address. Returns the subscription id.</summary>
    Task<string> SubscribeAircraft(string icao);

    /// <summary>Subscribes to the enter/exit/lost-inside events of one geofence. Returns the subscription id.</summary>
    Task<string> SubscribeGeofence(string fenceId);

    /// <summary>Subscribes to the events of every geofence. Returns the subscription id.</summary>
    Task<string> SubscribeGeofenceEvents();

    /// <summary>
    /// Subscribes to alerts: of one rule, or of every rule when <paramref name="ruleId"/> is null or empty. Returns the
    /// subscription id.
    /// </summary>
    Task<string> SubscribeAlerts(string? ruleId);

    /// <summary>Removes one subscription; returns false when the id was unknown (or null).</summary>
    Task<bool> Unsubscribe(string? subscriptionId);
}
