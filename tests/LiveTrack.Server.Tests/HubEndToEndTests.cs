namespace LiveTrack.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class HubEndToEndTests(ServerFixture fixture)
{
    private LiveTrackTestServer Server => fixture.Server;

    [Fact]
    public async Task A_client_subscribed_to_an_area_receives_exactly_the_aircraft_inside_it()
    {
        var inside = Icao.New();
        var outside = Icao.New();
        await using var client = await Server.ConnectClient();
        await client.SubscribeArea(-116, 22, -104, 33);

        // The outside aircraft reports first and last, so if it were ever sent it would be in the frames we read.
        var earlier = DateTimeOffset.UtcNow.AddSeconds(-20);
        await Server.PushSbs(
            Sbs.Position(outside, 40.64, -73.78, 3000, earlier),
            Sbs.Identification(inside, "JAKE21", earlier),
            Sbs.Position(inside, 26.3, -110.4, 31000, earlier),
            Sbs.Velocity(inside, 360, 315, 0, earlier),
            Sbs.Position(outside, 40.65, -73.77, 3100, earlier.AddSeconds(1)));
        var seen = await client.WaitForAircraft(inside, a => a.Callsign == "JAKE21" && a.GroundSpeedKnots == 360 && a.HasPosition);

        // A second round proves the outside aircraft's updates had their chance to be delivered too.
        await Server.PushSbs(Sbs.Position(outside, 40.66, -73.76, 3200), Sbs.Position(inside, 26.31, -110.41, 31000));
        await client.WaitForAircraft(inside, a => a.Latitude == 26.31);

        Assert.Equal(26.3, seen.Latitude);
        Assert.Equal(-110.4, seen.Longitude);
        Assert.Equal(31000, seen.BarometricAltitudeFeet);
        Assert.Equal(PositionSource.Adsb, seen.PositionSource);
        Assert.DoesNotContain(client.Received.SelectMany(f => f.Aircraft), a => a.Icao == outside);
        Assert.All(client.Received.Zip(client.Received.Skip(1)), pair => Assert.Equal(pair.First.Sequence + 1, pair.Second.Sequence));
    }

    [Fact]
    public async Task An_area_across_the_antimeridian_receives_aircraft_on_both_sides_only()
    {
        var east = Icao.New();
        var west = Icao.New();
        var greenwich = Icao.New();
        await using var client = await Server.ConnectClient();
        await client.SubscribeArea(170, -20, -170, 20);

        var earlier = DateTimeOffset.UtcNow.AddSeconds(-20);
        await Server.PushSbs(
            Sbs.Position(greenwich, 0, 0.5, 35000, earlier),
            Sbs.Position(east, 1, 179.5, 35000, earlier),
            Sbs.Position(west, -1, -179.5, 35000, earlier));
        await client.WaitForFrame(_ => client.Received.SelectMany(f => f.Aircraft).Select(a => a.Icao).Distinct().Count(i => i == east || i == west) == 2, "both sides of the antimeridian");
        await Server.PushSbs(Sbs.Position(greenwich, 0, 0.6, 35000), Sbs.Position(east, 1.01, 179.5, 35000));
        await client.WaitForAircraft(east, a => a.Latitude == 1.01);

        Assert.DoesNotContain(client.Received.SelectMany(f => f.Aircraft), a => a.Icao == greenwich);
    }

    [Fact]
    public async Task A_client_subscribed_to_one_aircraft_gets_it_wherever_it_is_and_stops_after_unsubscribing()
    {
        var watched = Icao.New();
        var other = Icao.New();
        await using var client = await Server.ConnectClient();
        var subscription = await client.SubscribeAircraft(watched.ToUpperInvariant());

        var earlier = DateTimeOffset.UtcNow.AddSeconds(-20);
        await Server.PushSbs(Sbs.Position(other, 51.47, -0.45, 2000, earlier), Sbs.Position(watched, -33.94, 151.17, 1500, earlier));
        await client.WaitForAircraft(watched);
        Assert.True(await client.Unsubscribe(subscription));
        Assert.False(await client.Unsubscribe(subscription));

        // After unsubscribing, a later update of the watched aircraft must not arrive; a fresh subscription to the
        // other aircraft is the marker that frames still flow.
        await Server.PushSbs(Sbs.Position(watched, -33.95, 151.18, 1600));
        await client.SubscribeAircraft(other);
        await Server.PushSbs(Sbs.Position(other, 51.48, -0.46, 2100));
        await client.WaitForAircraft(other, a => a.Latitude == 51.48);

        Assert.DoesNotContain(client.Received.SelectMany(f => f.Aircraft), a => a.Icao == watched && a.Latitude == -33.95);
    }

    [Fact]
    public async Task Invalid_subscriptions_fail_with_a_message_naming_the_problem()
    {
        await using var client = await Server.ConnectClient();

        var area = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.SubscribeArea(-10, 50, 10, 95));
        var icao = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.SubscribeAircraft("not-hex"));

        Assert.Contains("maxLat", area.Message, StringComparison.Ordinal);
        Assert.Contains("icao", icao.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_area_subscription_starts_with_the_aircraft_already_inside()
    {
        var already = Icao.New();
        await Server.PushSbs(Sbs.Position(already, -22.91, -43.17, 12000));
        await using var first = await Server.ConnectClient();
        await first.SubscribeAircraft(already);
        await first.WaitForAircraft(already);

        await using var late = await Server.ConnectClient();
        await late.SubscribeArea(-44, -23, -43, -22);
        var snapshot = await late.WaitForAircraft(already);

        Assert.Equal(-22.91, snapshot.Latitude);
    }
}
