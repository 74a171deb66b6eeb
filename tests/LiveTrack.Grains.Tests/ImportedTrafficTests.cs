using LiveTrack.Geofencing;

namespace LiveTrack.Grains.Tests;

/// <summary>Imported reports: the live merge and crossing rules with the recording's own times, and no silence timeout.</summary>
public sealed class ImportedTrafficTests
{
    private static readonly DateTimeOffset T0 = new(2024, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly GeofenceIndex Box = GeofenceIndex.Create(GeofenceParser.Parse("""
        { "type": "Feature", "id": "box", "properties": { "name": "Box" },
          "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] } }
        """).Fences);

    private static AircraftReport Position(string icao, double lat, DateTimeOffset at) =>
        Reports.At(icao, at, "import-test") with { Latitude = lat, Longitude = -110.5, BarometricAltitudeFeet = 30000 };

    [Fact]
    public void A_crossing_is_an_imported_event_at_the_interpolated_time_and_everything_is_marked_imported()
    {
        var traffic = new ImportedTraffic(new TrackingOptions(), _ => null, DateTimeOffset.UtcNow, "0123456789abcdef0123456789abcdef", signals: false);

        var batch = traffic.Evaluate([Position("ae01c5", 25.99, T0), Position("ae01c5", 26.01, T0.AddSeconds(10))], Box);

        var entered = Assert.Single(batch.Events);
        Assert.Equal((GeofenceEventKind.Entered, "box"), (entered.Kind, entered.FenceId));
        Assert.Equal(26.0, entered.Crossing!.Value.Latitude, 4);
        Assert.InRange(entered.At, T0.AddSeconds(4.9), T0.AddSeconds(5.1));
        Assert.Equal("0123456789abcdef0123456789abcdef", entered.TraceId);
        Assert.True(Assert.Single(batch.History.Events).Imported);
        Assert.Equal([T0, T0.AddSeconds(10)], batch.History.Positions.Select(p => p.At));
        Assert.All(batch.History.Positions, p => Assert.True(p.Imported));
        Assert.All(batch.History.Changes, c => Assert.True(c.Imported));
        Assert.Empty(batch.Signals);
    }

    [Fact]
    public void A_gap_far_longer_than_the_live_silence_timeout_is_not_a_loss_and_the_exit_after_it_is_found()
    {
        var traffic = new ImportedTraffic(new TrackingOptions(), _ => null, DateTimeOffset.UtcNow, null, signals: false);
        traffic.Evaluate([Position("ae01c5", 25.99, T0), Position("ae01c5", 26.01, T0.AddSeconds(10))], Box);

        // Three hours later, in another batch, north of the box: an exit, never a LostInside.
        var later = traffic.Evaluate([Position("ae01c5", 27.5, T0.AddHours(3))], Box);

        Assert.Equal([GeofenceEventKind.Exited], later.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Reports_out_of_order_in_a_batch_are_taken_in_time_order_and_an_older_one_later_is_stale()
    {
        var traffic = new ImportedTraffic(new TrackingOptions(), _ => null, DateTimeOffset.UtcNow, null, signals: false);

        var batch = traffic.Evaluate([Position("ae01c5", 26.01, T0.AddSeconds(10)), Position("ae01c5", 25.99, T0)], Box);
        var late = traffic.Evaluate([Position("ae01c5", 25.98, T0.AddSeconds(5))], Box);

        Assert.Equal([T0, T0.AddSeconds(10)], batch.History.Positions.Select(p => p.At));
        Assert.Equal(GeofenceEventKind.Entered, Assert.Single(batch.Events).Kind);
        Assert.Empty(late.History.Positions);
        Assert.Equal(1, traffic.Stale);
    }
}
