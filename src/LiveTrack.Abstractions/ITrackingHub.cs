namespace LiveTrack;

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
