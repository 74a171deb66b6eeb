using LiveTrack.Geofencing;

namespace LiveTrack.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class GeofenceEventTests(ClusterFixture fixture)
{
    private DateTimeOffset T0 => fixture.Time.GetUtcNow().AddHours(-1);

    private static GeofenceDefinition Box(string id, double south, double west, double north, double east, string properties = "") =>
        GeofenceParser.Parse($$"""
            { "type": "Feature", "id": "{{id}}", "properties": { "name": "{{id}}" {{properties}} },
              "geometry": { "type": "Polygon", "coordinates": [[[{{west}}, {{south}}], [{{east}}, {{south}}], [{{east}}, {{north}}], [{{west}}, {{north}}], [{{west}}, {{south}}]]] } }
            """).Fences.Single();

    private static AircraftReport At(string icao, DateTimeOffset t, double lat, double lon, int altitude = 30000) =>
        Reports.At(icao, t) with { Latitude = lat, Longitude = lon, BarometricAltitudeFeet = altitude };

    private static string FenceId() => $"fence-{Guid.NewGuid():N}";

    [Fact]
    public async Task Entering_and_leaving_a_fence_raise_entered_then_exited_with_interpolated_crossings()
    {
        var fence = FenceId();
        fixture.Geofences.Add(Box(fence, 50, 60, 51, 61));
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);

        // Due north at 360 kt: 1° of latitude every 10 minutes; the fence spans 50°N to 51°N.
        await grain.Report([At(icao, T0, 49.5, 60.5)]);
        await grain.Report([At(icao, T0.AddMinutes(10), 50.5, 60.5)]);
        Assert.Contains(fence, await grain.GetGeofences());
        await grain.Report([At(icao, T0.AddMinutes(20), 51.5, 60.5)]);
        var events = await fixture.Traffic.WaitForEvents(e => e.FenceId == fence, 2, "enter and exit");

        var (entered, exited) = (events[0], events[1]);
        Assert.Equal(GeofenceEventKind.Entered, entered.Kind);
        Assert.Equal(GeofenceEventReason.Crossed, entered.Reason);
        Assert.Equal("Lateral", entered.Boundary);
        Assert.Equal(50.0, entered.Crossing!.Value.Latitude, 3);
        Assert.Equal(60.5, entered.Crossing.Value.Longitude, 3);
        Assert.Equal(T0.AddMinutes(5).ToUnixTimeSeconds(), entered.At.ToUnixTimeSeconds(), 2.0);
        Assert.Equal(49.5, entered.Before!.Value.Latitude);
        Assert.Equal(50.5, entered.After!.Value.Latitude);
        Assert.Equal(GeofenceEventKind.Exited, exited.Kind);
        Assert.Equal(51.0, exited.Crossing!.Value.Latitude, 3);
        Assert.Equal(entered.Sequence + 1, exited.Sequence);
        Assert.DoesNotContain(fence, await grain.GetGeofences());
    }

    [Fact]
    public async Task Crossing_a_small_fence_between_two_reports_raises_both_events_in_order()
    {
        var fence = FenceId();
        fixture.Geofences.Add(Box(fence, 10.4, 20.4, 10.6, 20.6));
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);

        await grain.Report([At(icao, T0, 10.0, 20.5)]);
        await grain.Report([At(icao, T0.AddMinutes(10), 11.0, 20.5)]);
        var events = await fixture.Traffic.WaitForEvents(e => e.FenceId == fence, 2, "enter and exit between reports");

        Assert.Equal([GeofenceEventKind.Entered, GeofenceEventKind.Exited], events.Select(e => e.Kind));
        Assert.Equal(10.4, events[0].Crossing!.Value.Latitude, 3);
        Assert.Equal(10.6, events[1].Crossing!.Value.Latitude, 3);
        Assert.True(events[0].At < events[1].At);
        Assert.All(events, e => Assert.Equal(10.0, e.Before!.Value.Latitude));
    }

    [Fact]
    public async Task Climbing_out_through_the_ceiling_exits_a_3d_fence()
    {
        var fence = FenceId();
        fixture.Geofences.Add(Box(fence, 10, 20, 11, 21, """, "floorFt": 0, "ceilingFt": 5000"""));
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);

        await grain.Report([At(icao, T0, 10.5, 20.5, 4000)]);
        await grain.Report([At(icao, T0.AddMinutes(1), 10.51, 20.5, 6000)]);
        var events = await fixture.Traffic.WaitForEvents(e => e.FenceId == fence, 2, "first seen inside, then out through the ceiling");

        Assert.Equal(GeofenceEventReason.FirstSeen, events[0].Reason);
        Assert.Equal(GeofenceEventKind.Exited, events[1].Kind);
        Assert.Equal("Ceiling", events[1].Boundary);
        Assert.Equal(5000, events[1].Crossing!.Value.AltitudeFeet!.Value, 50.0);
        Assert.Equal(T0.AddSeconds(30).ToUnixTimeSeconds(), events[1].At.ToUnixTimeSeconds(), 2.0);
    }

    [Fact]
    public async Task A_fence_created_or_deleted_around_an_aircraft_raises_entered_and_exited()
    {
        var fence = FenceId();
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);
        await grain.Report([At(icao, T0, 40.5, -3.5)]);

        fixture.Geofences.Add(Box(fence, 40, -4, 41, -3));
        await grain.ReevaluateGeofence(fence);
        fixture.Geofences.Remove(fence);
        await grain.ReevaluateGeofence(fence);
        var events = await fixture.Traffic.WaitForEvents(e => e.FenceId == fence, 2, "created then deleted");

        Assert.Equal((GeofenceEventKind.Entered, GeofenceEventReason.FenceCreated), (events[0].Kind, events[0].Reason));
        Assert.Equal((GeofenceEventKind.Exited, GeofenceEventReason.FenceDeleted), (events[1].Kind, events[1].Reason));
        Assert.Equal(fence, events[1].FenceName);
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{32}$", e.TraceId));
    }

    [Fact]
    public async Task An_aircraft_lost_while_inside_raises_lost_inside()
    {
        var fence = FenceId();
        fixture.Geofences.Add(Box(fence, -34.5, 150.5, -33.5, 151.5));
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);
        await grain.Report([At(icao, fixture.Time.GetUtcNow().AddSeconds(-1), -33.9, 151.2) with { ReceivedAt = fixture.Time.GetUtcNow() }]);
        await fixture.Traffic.WaitForEvents(e => e.FenceId == fence, 1, "first seen inside");

        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        var events = await fixture.Traffic.WaitForEvents(e => e.FenceId == fence, 2, "lost inside");

        Assert.Equal(GeofenceEventKind.LostInside, events[1].Kind);
        Assert.Equal(GeofenceEventReason.Lost, events[1].Reason);
        Assert.Equal(-33.9, events[1].Before!.Value.Latitude);
        // Like every event, it has a trace to open (its own: no report caused it) and says which aircraft it was.
        Assert.Matches("^[0-9a-f]{32}$", events[0].TraceId);
        Assert.Matches("^[0-9a-f]{32}$", events[1].TraceId);
        Assert.NotEqual(events[0].TraceId, events[1].TraceId);
        Assert.Equal(icao, events[1].Aircraft?.Icao);
    }
}
