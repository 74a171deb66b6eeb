using LiveTrack.Adsb;
using LiveTrack.Geo;
using LiveTrack.Telemetry;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// <c>/hubs/tracking</c>: clients subscribe to areas and aircraft and receive batched <see cref="PositionFrame"/>s.
/// Invalid arguments fail the call with a <see cref="HubException"/> whose message names the argument.
/// </summary>
public sealed class TrackingHub(
    ClientSubscriptions clients,
    LiveTraffic traffic,
    Geofences.GeofenceCatalog fences,
    Alerts.RuleCatalog rules,
    IOptions<TrackingHubOptions> options,
    LiveTrackMetrics metrics)
    : Hub<ITrackingClient>, ITrackingHub
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/tracking";

    public override Task OnConnectedAsync()
    {
        clients.Connect(Context.ConnectionId);
        metrics.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (clients.Find(Context.ConnectionId) is { } client)
        {
            metrics.HubSubscriptions.Add(-client.SubscriptionCount);
        }

        clients.Disconnect(Context.ConnectionId);
        metrics.HubConnections.Add(-1);
        return base.OnDisconnectedAsync(exception);
    }

    public Task<string> SubscribeArea(double minLon, double minLat, double maxLon, double maxLat)
    {
        if (!BoundingBox.TryCreate(minLon, minLat, maxLon, maxLat, out var box, out var error))
        {
            throw new HubException($"Invalid area: {error}");
        }

        var client = Client();
        return Subscribed(client.AddArea(box, traffic.Within(box)));
    }

    public Task<string> SubscribeAircraft(string icao)
    {
        if (!IcaoAddress.TryNormalize(icao, out var normalized))
        {
            throw new HubException("Invalid icao: expected 6 hexadecimal digits, optionally prefixed by '~'.");
        }

        var client = Client();
        return Subscribed(client.AddAircraft(normalized, traffic.Find(normalized)));
    }

    public Task<string> SubscribeGeofence(string fenceId)
    {
        if (string.IsNullOrWhiteSpace(fenceId) || fenceId.Length > 64)
        {
            throw new HubException("Invalid fenceId: expected a geofence id (1 to 64 characters).");
        }

        if (fences.Index.Find(fenceId) is null)
        {
            throw new HubException($"Invalid fenceId: there is no geofence '{fenceId}'.");
        }

        return Subscribed(Client().AddGeofence(fenceId));
    }

    public Task<string> SubscribeGeofenceEvents() => Subscribed(Client().AddGeofence(null));

    public Task<string> SubscribeAlerts(string? ruleId)
    {
        if (ruleId is { Length: > 64 })
        {
            throw new HubException("Invalid ruleId: expected a rule id (1 to 64 characters), or null for every rule.");
        }

        if (!string.IsNullOrWhiteSpace(ruleId) && rules.Current.Find(ruleId) is null)
        {
            throw new HubException($"Invalid ruleId: there is no rule '{ruleId}'.");
        }

        return Subscribed(Client().AddAlerts(string.IsNullOrWhiteSpace(ruleId) ? null : ruleId));
    }

    public Task<bool> Unsubscribe(string? subscriptionId)
    {
        var removed = subscriptionId is not null && (clients.Find(Context.ConnectionId)?.Remove(subscriptionId) ?? false);
        if (removed)
        {
            metrics.HubSubscriptions.Add(-1);
        }

        return Task.FromResult(removed);
    }

    private Task<string> Subscribed(string subscriptionId)
    {
        metrics.HubSubscriptions.Add(1);
        return Task.FromResult(subscriptionId);
    }

    private TrackingClient Client()
    {
        var client = clients.Connect(Context.ConnectionId);
        if (client.SubscriptionCount >= options.Value.MaxSubscriptionsPerClient)
        {
            throw new HubException($"Too many subscriptions: at most {options.Value.MaxSubscriptionsPerClient} per connection.");
        }

        return client;
    }
}
