using LiveTrack.Geo;
using LiveTrack.Server.Tracking;

namespace LiveTrack.Server.Tests;

/// <summary>Per-client buffering, without a server: what a slow client costs and what it is sent.</summary>
public sealed class TrackingClientTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static AircraftSnapshot At(string icao, double lat, double lon, int second) =>
        new() { Icao = icao, Latitude = lat, Longitude = lon, LastSeen = T0.AddSeconds(second) };

    [Fact]
    public void A_slow_client_keeps_only_the_latest_position_of_each_aircraft()
    {
        var client = new TrackingClient("c1");
        client.AddArea(BoundingBox.World, []);
        client.Offer(new TrafficBatch([At("aaaaaa", 1, 1, 0)], [], []));
        var inFlight = client.TakeFrame(T0);

        // While the first frame is still being written, 1,000 more updates of 10 aircraft arrive.
        for (var i = 1; i <= 1000; i++)
        {
            client.Offer(new TrafficBatch([At($"{i % 10:x6}", i / 100.0, 1, i)], [], []));
        }

        Assert.Null(client.TakeFrame(T0));
        client.FrameDone();
        var next = client.TakeFrame(T0);

        Assert.NotNull(inFlight);
        Assert.NotNull(next);
        Assert.Equal(10, next.Aircraft.Length);
        Assert.Equal(990, client.Dropped);
        Assert.Equal(10.0, next.Aircraft.Single(a => a.Icao == "000000").Latitude);
        Assert.Equal(inFlight.Sequence + 1, next.Sequence);
    }

    [Fact]
    public void A_client_too_slow_for_its_events_and_alerts_is_told_in_the_next_frame_how_many_it_missed()
    {
        var client = new TrackingClient("c1");
        client.AddGeofence(null);
        client.AddAlerts(null);
        client.Offer(new TrafficBatch([], [], [Event(0)]));
        Assert.NotNull(client.TakeFrame(T0));

        // While that frame is still being written, 10,005 events and 10,002 alerts arrive.
        client.Offer(new TrafficBatch([], [], [.. Enumerable.Range(1, 10_005).Select(Event)]) { Alerts = [.. Enumerable.Range(1, 10_002).Select(NewAlert)] });
        client.FrameDone();
        var next = client.TakeFrame(T0)!;
        client.FrameDone();

        Assert.Equal(5, next.MissedEvents);
        Assert.Equal(2, next.MissedAlerts);
        Assert.Equal(10_000, next.Events.Length);
        Assert.Equal(6, next.Events[0].Sequence);
        Assert.Equal("a3", next.Alerts[0].Id);
        Assert.Equal(7, client.DroppedEvents);
        Assert.Null(client.TakeFrame(T0));
    }

    private static GeofenceEvent Event(int sequence) => new()
    {
        Icao = "aaaaaa",
        Sequence = sequence,
        Kind = GeofenceEventKind.Entered,
        Reason = GeofenceEventReason.Crossed,
        FenceId = "f1",
        FenceName = "F1",
        At = T0.AddSeconds(sequence),
    };

    private static Alert NewAlert(int n) => new()
    {
        Id = $"a{n}",
        RuleId = "r1",
        Icao = "aaaaaa",
        Trigger = AlertTriggerKind.Squawk,
        At = T0,
        RaisedAt = T0,
        Summary = "squawk",
    };

    [Fact]
    public void An_aircraft_leaving_the_area_is_sent_once_more_and_then_no_longer()
    {
        var client = new TrackingClient("c1");
        client.AddArea(new BoundingBox(0, 0, 10, 10), []);
        client.Offer(new TrafficBatch([At("aaaaaa", 5, 5, 0)], [], []));
        client.TakeFrame(T0);
        client.FrameDone();

        client.Offer(new TrafficBatch([At("aaaaaa", 5, 11, 1)], [], []));
        var leaving = client.TakeFrame(T0);
        client.FrameDone();
        client.Offer(new TrafficBatch([At("aaaaaa", 5, 12, 2)], [], []));

        Assert.Equal(11, Assert.Single(leaving!.Aircraft).Longitude);
        Assert.Null(client.TakeFrame(T0));
    }

    [Fact]
    public void A_lost_aircraft_is_announced_only_to_clients_that_had_it()
    {
        var had = new TrackingClient("had");
        var never = new TrackingClient("never");
        had.AddArea(new BoundingBox(0, 0, 10, 10), []);
        never.AddArea(new BoundingBox(20, 20, 30, 30), []);
        var batch = new TrafficBatch([At("aaaaaa", 5, 5, 0)], [], []);
        had.Offer(batch);
        never.Offer(batch);
        had.TakeFrame(T0);
        had.FrameDone();

        var lost = new TrafficBatch([], [At("aaaaaa", 5, 5, 0)], []);
        had.Offer(lost);
        never.Offer(lost);

        Assert.Equal(["aaaaaa"], had.TakeFrame(T0)!.Lost);
        Assert.Null(never.TakeFrame(T0));
    }
}
