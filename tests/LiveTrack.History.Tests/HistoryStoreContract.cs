using LiveTrack.Geo;

namespace LiveTrack.History.Tests;

/// <summary>
/// What every <see cref="IHistoryStore"/> must do, run against each implementation (a subclass per engine provides a
/// fresh, initialised store).
/// </summary>
public abstract class HistoryStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    protected IHistoryStore Store { get; set; } = null!;

    protected abstract Task<IHistoryStore> CreateStore();

    public async Task InitializeAsync()
    {
        Store = await CreateStore();
        await Store.InitializeAsync();
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    private static PositionRecord Position(string icao, DateTimeOffset at, double lat = 30, double lon = -112, bool imported = false) => new()
    {
        Icao = icao,
        At = at,
        Latitude = lat,
        Longitude = lon,
        BarometricAltitudeFeet = 31_000,
        GeometricAltitudeFeet = 31_450,
        GroundSpeedKnots = 412.5,
        TrackDegrees = 271.25,
        Source = PositionSource.Mlat,
        Feed = "sbs-test",
        Nic = 8,
        NacP = 10,
        ContainmentRadiusMeters = 185.2,
        Imported = imported,
    };

    private static EventRecord Event(string icao, long sequence, DateTimeOffset at, string fence = "gulf", GeofenceEventKind kind = GeofenceEventKind.Entered, bool imported = false) => new()
    {
        Event = new GeofenceEvent
        {
            Icao = icao,
            Sequence = sequence,
            Kind = kind,
            Reason = GeofenceEventReason.Crossed,
            FenceId = fence,
            FenceName = "Gulf of California",
            At = at,
            Before = new EventPosition(29.9, -112.1, 31_000, at.AddSeconds(-2)),
            After = new EventPosition(30.1, -111.9, null, at.AddSeconds(2)),
            Crossing = new EventPosition(30.0, -112.0, 31_000, at),
            Boundary = "Lateral",
            Callsign = "RCH123",
            TraceId = "0af7651916cd43dd8448eb211c80319c",
        },
        Imported = imported,
    };

    [Fact]
    public async Task A_written_track_reads_back_in_time_order_with_every_field_to_the_microsecond()
    {
        var at = Day.AddHours(3).AddTicks(1_234_567); // 0.1234567 s: the store keeps 0.123456
        var written = new[] { Position("ae01c5", at.AddSeconds(10), 30.5, -112.5), Position("ae01c5", at), Position("a00001", at.AddSeconds(5)) };
        await Store.WriteAsync(new HistoryBatch(written, [], []));

        var track = await Store.GetTrackAsync("ae01c5", new HistoryWindow(Day, Day.AddDays(1)), 1000);

        Assert.Equal([HistoryTime.Truncate(at), HistoryTime.Truncate(at.AddSeconds(10))], track.Select(p => p.At));
        Assert.Equal(written[1] with { At = HistoryTime.Truncate(at) }, track[0]);
        Assert.Equal(30.5, track[1].Latitude);
        Assert.Equal(-112.5, track[1].Longitude);
    }

    [Fact]
    public async Task Missing_optional_fields_read_back_as_missing()
    {
        var bare = new PositionRecord { Icao = "~c0ffee", At = Day.AddHours(1), Latitude = -33.9, Longitude = 151.2, Feed = "aircraft-json" };
        await Store.WriteAsync(new HistoryBatch([bare], [], []));

        var track = await Store.GetTrackAsync("~c0ffee", new HistoryWindow(Day, Day.AddDays(1)), 10);

        Assert.Equal(bare, Assert.Single(track));
    }

    [Fact]
    public async Task The_window_includes_its_start_and_excludes_its_end_across_days()
    {
        var positions = Enumerable.Range(0, 6).Select(h => Position("ae01c5", Day.AddHours(-2 + (h * 2)))).ToArray(); // 22:00 the day before .. 08:00
        await Store.WriteAsync(new HistoryBatch(positions, [], []));

        var track = await Store.GetTrackAsync("ae01c5", new HistoryWindow(Day.AddHours(-2), Day.AddHours(6)), 1000);

        Assert.Equal(4, track.Count);
        Assert.Equal(Day.AddHours(-2), track[0].At);
        Assert.Equal(Day.AddHours(4), track[^1].At);
    }

    [Fact]
    public async Task A_track_limit_keeps_the_earliest_positions()
    {
        await Store.WriteAsync(new HistoryBatch([.. Enumerable.Range(0, 50).Select(i => Position("ae01c5", Day.AddSeconds(i)))], [], []));

        var track = await Store.GetTrackAsync("ae01c5", new HistoryWindow(Day, Day.AddDays(1)), 10);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => Day.AddSeconds(i)), track.Select(p => p.At));
    }

    [Fact]
    public async Task Batches_written_one_after_another_all_read_back()
    {
        for (var b = 0; b < 5; b++)
        {
            await Store.WriteAsync(new HistoryBatch([.. Enumerable.Range(0, 100).Select(i => Position("ae01c5", Day.AddSeconds((b * 100) + i)))], [], []));
        }

        var track = await Store.GetTrackAsync("ae01c5", new HistoryWindow(Day, Day.AddDays(1)), 10_000);

        Assert.Equal(500, track.Count);
        Assert.True(track.Zip(track.Skip(1)).All(p => p.First.At < p.Second.At));
        Assert.Equal(500, (await Store.GetInfoAsync()).Positions);
    }

    [Fact]
    public async Task Changes_read_back_for_their_aircraft_in_time_order()
    {
        var changes = new[]
        {
            new ChangeRecord { Icao = "ae01c5", At = Day.AddMinutes(2), Field = ChangeField.Squawk, Value = "7700", Feed = "sbs" },
            new ChangeRecord { Icao = "ae01c5", At = Day.AddMinutes(1), Field = ChangeField.Callsign, Value = "RCH123", Feed = "sbs" },
            new ChangeRecord { Icao = "ae01c5", At = Day.AddMinutes(3), Field = ChangeField.Emergency, Value = "true", Feed = "sbs", Imported = true },
            new ChangeRecord { Icao = "a00001", At = Day.AddMinutes(1), Field = ChangeField.Altitude, Value = "12000", Feed = "sbs" },
        };
        await Store.WriteAsync(new HistoryBatch([], changes, []));

        var read = await Store.GetChangesAsync("ae01c5", new HistoryWindow(Day, Day.AddDays(1)));

        Assert.Equal([changes[1], changes[0], changes[2]], read);
    }

    [Fact]
    public async Task An_area_read_returns_only_positions_inside_the_box_and_window()
    {
        await Store.WriteAsync(new HistoryBatch(
            [
                Position("ae01c5", Day.AddHours(1), 30, -112),
                Position("ae01c5", Day.AddHours(1).AddSeconds(1), 40, -112), // north of the box
                Position("a00001", Day.AddHours(2), 29, -111),
                Position("a00002", Day.AddDays(2), 30, -112), // after the window
            ],
            [],
            []));

        var inside = await Store.ReadAreaAsync(new BoundingBox(-115, 25, -110, 35), new HistoryWindow(Day, Day.AddDays(1))).ToListAsync();

        Assert.Equal(["a00001", "ae01c5"], inside.Select(p => p.Icao).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_area_across_the_antimeridian_holds_both_sides_of_it()
    {
        await Store.WriteAsync(new HistoryBatch(
            [Position("a00001", Day.AddHours(1), 0, 179.5), Position("a00002", Day.AddHours(1), 0, -179.5), Position("a00003", Day.AddHours(1), 0, 0)],
            [],
            []));

        var inside = await Store.ReadAreaAsync(new BoundingBox(179, -1, -179, 1), new HistoryWindow(Day, Day.AddDays(1))).ToListAsync();

        Assert.Equal(["a00001", "a00002"], inside.Select(p => p.Icao).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Area_visits_give_each_aircraft_its_first_and_last_time_inside()
    {
        await Store.WriteAsync(new HistoryBatch(
            [Position("ae01c5", Day.AddHours(1)), Position("ae01c5", Day.AddHours(2)), Position("ae01c5", Day.AddHours(3), 50, -112), Position("a00001", Day.AddHours(1.5))],
            [],
            []));

        var visits = await AreaVisits.FindAsync(Store, new BoundingBox(-115, 25, -110, 35), null, new HistoryWindow(Day, Day.AddDays(1)));

        Assert.Equal(
            [new AreaVisit("ae01c5", Day.AddHours(1), Day.AddHours(2), 2), new AreaVisit("a00001", Day.AddHours(1.5), Day.AddHours(1.5), 1)],
            visits);
    }

    [Fact]
    public async Task Stored_events_read_back_whole_and_filtered()
    {
        var events = new[]
        {
            Event("ae01c5", 1, Day.AddHours(1)),
            Event("ae01c5", 2, Day.AddHours(2), kind: GeofenceEventKind.Exited),
            Event("a00001", 7, Day.AddHours(1.5), fence: "airbase", imported: true),
        };
        await Store.WriteAsync(new HistoryBatch([], [], events));

        var all = await Store.GetEventsAsync(new EventQuery());
        Assert.Equal([events[0], events[2], events[1]], all.Events);
        Assert.Null(all.Next);

        Assert.Equal([events[1]], (await Store.GetEventsAsync(new EventQuery { Kind = GeofenceEventKind.Exited })).Events);
        Assert.Equal([events[2]], (await Store.GetEventsAsync(new EventQuery { FenceId = "airbase" })).Events);
        Assert.Equal([events[2]], (await Store.GetEventsAsync(new EventQuery { Imported = true })).Events);
        Assert.Equal([events[0], events[1]], (await Store.GetEventsAsync(new EventQuery { Icao = "ae01c5" })).Events);
        Assert.Equal([events[2], events[1]], (await Store.GetEventsAsync(new EventQuery { From = Day.AddHours(1.5), To = Day.AddHours(3) })).Events);
    }

    [Fact]
    public async Task Event_pages_follow_each_other_without_gaps_or_repeats()
    {
        var at = Day.AddHours(5);
        // Several events at the same instant: the cursor orders them by address and sequence.
        var events = Enumerable.Range(0, 25).Select(i => Event(i % 2 == 0 ? "a00001" : "ae01c5", i, at.AddSeconds(i / 5))).ToArray();
        await Store.WriteAsync(new HistoryBatch([], [], events));

        var seen = new List<EventRecord>();
        EventCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.GetEventsAsync(new EventQuery { Limit = 7, After = cursor });
            seen.AddRange(page.Events);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(4, pages);
        Assert.Equal(events.OrderBy(e => e.Event.At).ThenBy(e => e.Event.Icao, StringComparer.Ordinal).ThenBy(e => e.Event.Sequence), seen);
    }

    [Fact]
    public async Task Retention_drops_whole_days_and_keeps_the_rest()
    {
        await Store.WriteAsync(new HistoryBatch(
            [Position("ae01c5", Day.AddDays(-2).AddHours(23)), Position("ae01c5", Day.AddHours(1)), Position("ae01c5", Day.AddDays(1).AddHours(1))],
            [new ChangeRecord { Icao = "ae01c5", At = Day.AddDays(-2), Field = ChangeField.Callsign, Value = "OLD", Feed = "sbs" }],
            [Event("ae01c5", 1, Day.AddDays(-2).AddHours(1)), Event("ae01c5", 2, Day.AddHours(2))]));

        // A cutoff in the middle of Day: the day before and the one before that end before it; Day itself does not.
        var dropped = await Store.DropBeforeAsync(Day.AddHours(12));

        Assert.Equal(1, dropped);
        var window = new HistoryWindow(Day.AddDays(-3), Day.AddDays(3));
        Assert.Equal([Day.AddHours(1), Day.AddDays(1).AddHours(1)], (await Store.GetTrackAsync("ae01c5", window, 100)).Select(p => p.At));
        Assert.Empty(await Store.GetChangesAsync("ae01c5", window));
        Assert.Equal([2L], (await Store.GetEventsAsync(new EventQuery())).Events.Select(e => e.Event.Sequence));
        Assert.Equal([HistoryTime.DayOf(Day), HistoryTime.DayOf(Day.AddDays(1))], (await Store.GetInfoAsync()).Days);
    }

    [Fact]
    public async Task Initialising_again_keeps_what_was_written()
    {
        await Store.WriteAsync(new HistoryBatch([Position("ae01c5", Day.AddHours(1))], [], [Event("ae01c5", 1, Day.AddHours(1))]));

        await Store.InitializeAsync();
        var reopened = await Reopen();

        Assert.Single(await reopened.GetTrackAsync("ae01c5", new HistoryWindow(Day, Day.AddDays(1)), 10));
        Assert.Single((await reopened.GetEventsAsync(new EventQuery())).Events);
    }

    [Fact]
    public async Task Nothing_written_reads_as_empty()
    {
        var window = new HistoryWindow(Day, Day.AddDays(1));
        Assert.Empty(await Store.GetTrackAsync("ae01c5", window, 10));
        Assert.Empty(await Store.GetChangesAsync("ae01c5", window));
        Assert.Empty(await Store.ReadAreaAsync(BoundingBox.World, window).ToListAsync());
        Assert.Empty((await Store.GetEventsAsync(new EventQuery())).Events);
        Assert.Equal(0, await Store.DropBeforeAsync(Day));
    }

    /// <summary>Closes the store and opens the same data again (the same file or database).</summary>
    protected abstract Task<IHistoryStore> Reopen();
}
