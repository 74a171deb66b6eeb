using System.Net;
using System.Text;
using System.Text.Json;
using LiveTrack.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace LiveTrack.Server.Tests;

/// <summary>SBS positions in, geofence events out: at hub clients, on the Orleans stream, in the queries.</summary>
public sealed class GeofenceEndToEndTests
{
    private static string Box(string id, double south, double west, double north, double east) => $$"""
        { "type": "Feature", "id": "{{id}}", "properties": { "name": "Box {{id}}" },
          "geometry": { "type": "Polygon", "coordinates": [[[{{west}}, {{south}}], [{{east}}, {{south}}], [{{east}}, {{north}}], [{{west}}, {{north}}], [{{west}}, {{south}}]]] } }
        """;

    private static async Task Send(LiveTrackTestServer server, HttpMethod method, string path, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/geo+json");
        }

        var response = await server.Http.SendAsync(request);
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_hub_client_subscribed_to_a_fence_receives_exactly_its_events_in_order_and_so_does_the_stream()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var (fence, other) = ("gulf-box", "elsewhere");
        await Send(server, HttpMethod.Post, "/api/geofences", Box(fence, 26, -111, 27, -110), HttpStatusCode.Created);
        await Send(server, HttpMethod.Post, "/api/geofences", Box(other, 40, -4, 41, -3), HttpStatusCode.Created);
        var icao = Icao.New();
        var streamed = new List<GeofenceEvent>();
        var streamedTwo = new TaskCompletionSource();
        var stream = server.Services.GetRequiredService<IClusterClient>().GetStreamProvider(LiveTrackStreams.ProviderName)
            .GetStream<GeofenceEvent>(StreamId.Create(LiveTrackStreams.GeofenceEventsNamespace, fence));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            lock (streamed)
            {
                streamed.Add(e);
                if (streamed.Count == 2)
                {
                    streamedTwo.TrySetResult();
                }
            }

            return Task.CompletedTask;
        });
        await using var client = await server.ConnectClient();
        await client.SubscribeGeofence(fence);

        // North through the box at 360 kt (1° of latitude in 10 minutes), and a jump elsewhere for the other fence.
        var t = DateTimeOffset.UtcNow.AddMinutes(-30);
        await server.PushSbs(Sbs.Position(icao, 25.5, -110.5, 30000, t), Sbs.Position(icao, 26.5, -110.5, 30000, t.AddMinutes(10)));
        await client.WaitForFrame(f => f.Events.Any(e => e.Icao == icao), "the entered event");
        using (var inside = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/geofences/{fence}/aircraft")))
        {
            Assert.Contains(inside.RootElement.GetProperty("aircraft").EnumerateArray(), a => a.GetProperty("icao").GetString() == icao);
        }

        Assert.Equal($"[\"{fence}\"]", await server.Http.GetStringAsync($"/api/aircraft/{icao}/geofences"));
        await server.PushSbs(Sbs.Position(icao, 27.5, -110.5, 30000, t.AddMinutes(20)));
        await client.WaitForFrame(f => f.Events.Any(e => e.Icao == icao && e.Kind == GeofenceEventKind.Exited), "the exited event");
        await streamedTwo.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await subscription.UnsubscribeAsync();

        var events = client.Received.SelectMany(f => f.Events).ToList();
        Assert.Equal([GeofenceEventKind.Entered, GeofenceEventKind.Exited], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(fence, e.FenceId));
        Assert.Equal(26.0, events[0].Crossing!.Value.Latitude, 3);
        Assert.Equal(27.0, events[1].Crossing!.Value.Latitude, 3);
        Assert.True(events[0].Sequence < events[1].Sequence);
        Assert.Equal(events.Select(e => e.Sequence), streamed.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Creating_and_deleting_a_fence_around_a_live_aircraft_raises_entered_and_exited()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var icao = Icao.New();
        await using var client = await server.ConnectClient();
        await client.SubscribeGeofenceEvents();
        await client.SubscribeAircraft(icao);
        await server.PushSbs(Sbs.Position(icao, 48.35, 11.78, 3000));
        await client.WaitForAircraft(icao);

        await Send(server, HttpMethod.Post, "/api/geofences", Box("around-munich", 48, 11, 49, 12), HttpStatusCode.Created);
        await client.WaitForFrame(f => f.Events.Any(e => e.Reason == GeofenceEventReason.FenceCreated), "entered (fence created)");
        await Send(server, HttpMethod.Delete, "/api/geofences/around-munich", null, HttpStatusCode.NoContent);
        await client.WaitForFrame(f => f.Events.Any(e => e.Reason == GeofenceEventReason.FenceDeleted), "exited (fence deleted)");

        var events = client.Received.SelectMany(f => f.Events).Where(e => e.Icao == icao).ToList();
        Assert.Equal([(GeofenceEventKind.Entered, GeofenceEventReason.FenceCreated), (GeofenceEventKind.Exited, GeofenceEventReason.FenceDeleted)], events.Select(e => (e.Kind, e.Reason)));
        Assert.All(events, e => Assert.Equal("around-munich", e.FenceId));
    }

    [Fact]
    public async Task A_fence_created_on_one_silo_is_evaluated_by_aircraft_grains_on_another()
    {
        await using var primary = await LiveTrackTestServer.StartAsync();
        var store = primary.App.Configuration["LiveTrack:Geofences:StorePath"];
        await using var secondary = await LiveTrackTestServer.StartAsync(primarySiloPort: primary.SiloPort, settings: new Dictionary<string, string?> { ["LiveTrack:Geofences:StorePath"] = store });
        await primary.WaitForActiveSilos(2);
        await secondary.WaitForActiveSilos(2);
        await using var client = await primary.ConnectClient();
        await client.SubscribeGeofenceEvents();

        // Created through the primary; the aircraft is fed to (and its grain lives on) the secondary.
        await Send(primary, HttpMethod.Post, "/api/geofences", Box("replicated", -34.5, 150.5, -33.5, 151.5), HttpStatusCode.Created);
        var icao = Icao.New();
        await secondary.PushSbs(Sbs.Position(icao, -33.9, 151.2, 2000));
        var frame = await client.WaitForFrame(f => f.Events.Any(e => e.Icao == icao), $"an event of {icao}");

        var entered = frame.Events.Single(e => e.Icao == icao);
        Assert.Equal("replicated", entered.FenceId);
        Assert.Equal(GeofenceEventKind.Entered, entered.Kind);
        Assert.Equal(GeofenceEventReason.FirstSeen, entered.Reason);
    }
}
