using LiveTrack.Adsb;
using LiveTrack.Geo;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// <c>/hubs/tracking</c>: clients subscribe to areas and aircraft and receive batched <see cref="PositionFrame"/>s.
/// Invalid arguments fail the call with a <see cref="HubException"/> whose message names the argument.
/// </summary>
public sealed class TrackingHub(ClientSubscriptions clients, LiveTraffic traffic, IOptions<TrackingHubOptions> options)
    : Hub<ITrackingClient>, ITrackingHub
{
    public override Task OnConnectedAsync()
    {
        clients.Connect(Context.ConnectionId);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        clients.Disconnect(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public Task<string> SubscribeArea(double minLon, double minLat, double maxLon, double maxLat)
    {
        if (!BoundingBox.TryCreate(minLon, minLat, maxLon, maxLat, out var box, out var error))
        {
            throw new HubException($"Invalid area: {error}");
        }

        var client = Client();
        return Task.FromResult(client.AddArea(box, traffic.Within(box)));
    }

    public Task<string> SubscribeAircraft(string icao)
    {
        if (!IcaoAddress.TryNormalize(icao, out var normalized))
        {
            throw new HubException("Invalid icao: expected 6 hexadecimal digits, optionally prefixed by '~'.");
        }

        var client = Client();
        return Task.FromResult(client.AddAircraft(normalized, traffic.Find(normalized)));
    }

    public Task<string> SubscribeGeofence(string fenceId)
    {
        if (string.IsNullOrWhiteSpace(fenceId) || fenceId.Length > 64)
        {
            throw new HubException("Invalid fenceId: expected a geofence id (1 to 64 characters).");
        }

        return Task.FromResult(Client().AddGeofence(fenceId));
    }

    public Task<string> SubscribeGeofenceEvents() => Task.FromResult(Client().AddGeofence(null));

    public Task<bool> Unsubscribe(string subscriptionId) =>
        Task.FromResult(clients.Find(Context.ConnectionId)?.Remove(subscriptionId) ?? false);

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
