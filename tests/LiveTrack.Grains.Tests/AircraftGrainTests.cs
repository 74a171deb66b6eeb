namespace LiveTrack.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AircraftGrainTests(ClusterFixture fixture)
{
    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task Partial_reports_merge_into_one_state_with_each_fields_time_and_feed()
    {
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);
        var t0 = Now.AddSeconds(-3);

        await grain.Report([Reports.At(icao, t0, "sbs-a") with { Callsign = "JAKE21" }]);
        await grain.Report([Reports.At(icao, t0.AddSeconds(1), "sbs-b") with { Latitude = 26.3, Longitude = -110.4, PositionSource = PositionSource.Adsb, BarometricAltitudeFeet = 31000 }]);
        await grain.Report([Reports.At(icao, t0.AddSeconds(2), "sbs-a") with { GroundSpeedKnots = 360, TrackDegrees = 315, VerticalRateFeetPerMinute = -64 }]);

        var state = await grain.GetState();
        Assert.NotNull(state);
        Assert.Equal("JAKE21", state.Callsign?.Value);
        Assert.Equal("sbs-a", state.Callsign?.Feed);
        Assert.Equal(t0, state.Callsign?.At);
        Assert.Equal(26.3, state.Position?.Latitude);
        Assert.Equal(-110.4, state.Position?.Longitude);
        Assert.Equal("sbs-b", state.Position?.Feed);
        Assert.Equal(31000, state.BarometricAltitudeFeet?.Value);
        Assert.Equal(360, state.GroundSpeedKnots?.Value);
        Assert.Equal(315, state.TrackDegrees?.Value);
        Assert.Equal(-64, state.VerticalRateFeetPerMinute?.Value);
        Assert.Equal(t0.AddSeconds(2), state.GroundSpeedKnots?.At);
        Assert.Equal(3, state.Accepted);
    }

    [Fact]
    public async Task A_report_older_than_the_state_is_ignored()
    {
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);
        var t = Now.AddSeconds(-10);

        var first = await grain.Report([Reports.At(icao, t.AddSeconds(5)) with { Latitude = 40.0, Longitude = -74.0, Squawk = "1200" }]);
        var late = await grain.Report([Reports.At(icao, t) with { Latitude = 40.1, Longitude = -74.1, Squawk = "7700" }]);
        var duplicate = await grain.Report([Reports.At(icao, t.AddSeconds(5)) with { Latitude = 40.0, Longitude = -74.0 }]);

        Assert.Equal(new ReportOutcome(1, 0, 0), first);
        Assert.Equal(new ReportOutcome(0, 1, 0), late);
        Assert.Equal(new ReportOutcome(0, 1, 0), duplicate);
        var state = await grain.GetState();
        Assert.Equal(40.0, state!.Position?.Latitude);
        Assert.Equal("1200", state.Squawk?.Value);
        Assert.Equal(2, state.Stale);
    }

    [Fact]
    public async Task A_position_implying_more_than_2000_knots_is_kept_out_and_counted_as_suspect()
    {
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);
        var t = Now.AddSeconds(-30);

        await grain.Report([Reports.At(icao, t) with { Latitude = 26.0, Longitude = -110.0 }]);
        // One degree of latitude (~60 nm) in 10 s is ~21,600 kt.
        var jump = await grain.Report([Reports.At(icao, t.AddSeconds(10)) with { Latitude = 27.0, Longitude = -110.0 }]);
        // 1 nm in 10 s (360 kt) from the accepted position is fine.
        var plausible = await grain.Report([Reports.At(icao, t.AddSeconds(20)) with { Latitude = 26.0 + (1 / 60.0), Longitude = -110.0 }]);

        Assert.Equal(new ReportOutcome(0, 0, 1), jump);
        Assert.Equal(new ReportOutcome(1, 0, 0), plausible);
        var state = await grain.GetState();
        Assert.Equal(26.0 + (1 / 60.0), state!.Position!.Value.Latitude, 9);
        Assert.Equal(1, state.Suspect);
    }

    [Fact]
    public async Task A_report_timestamped_in_the_future_is_suspect()
    {
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);

        var outcome = await grain.Report([Reports.At(icao, Now.AddMinutes(10)) with { Latitude = 10, Longitude = 10, Callsign = "FUTURE1" }]);

        Assert.Equal(new ReportOutcome(0, 0, 1), outcome);
        Assert.Null(await grain.GetState());
    }

    [Fact]
    public async Task Accepted_changes_are_published_to_the_silo_observers()
    {
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);

        var published = fixture.Traffic.WaitFor(b => b.Updated.FirstOrDefault(s => s.Icao == icao && s.Callsign == "DLH400"), $"an update of {icao}");
        await grain.Report([Reports.At(icao, Now.AddSeconds(-1)) with { Latitude = 50.03, Longitude = 8.57, Callsign = "DLH400", BarometricAltitudeFeet = 5000 }]);

        var snapshot = await published;
        Assert.Equal(50.03, snapshot.Latitude);
        Assert.Equal(8.57, snapshot.Longitude);
        Assert.Equal(5000, snapshot.BarometricAltitudeFeet);
    }

    [Fact]
    public async Task After_the_lost_timeout_of_silence_the_aircraft_is_reported_lost_and_forgotten()
    {
        var icao = Reports.NewIcao();
        var grain = fixture.Grains.GetGrain<IAircraftGrain>(icao);
        await grain.Report([Reports.At(icao, Now.AddSeconds(-1)) with { Latitude = 26.3, Longitude = -110.4 }]);
        var lost = fixture.Traffic.WaitFor(b => b.Lost.FirstOrDefault(s => s.Icao == icao), $"{icao} lost");

        // 59 s of silence is not yet lost: the grain still answers with its state.
        fixture.Time.Advance(TimeSpan.FromSeconds(45));
        Assert.NotNull(await grain.GetState());

        fixture.Time.Advance(TimeSpan.FromSeconds(16));
        var last = await lost;

        Assert.Equal(26.3, last.Latitude);
        Assert.Null(await grain.GetState());
    }
}
