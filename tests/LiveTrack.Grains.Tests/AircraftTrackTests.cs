namespace LiveTrack.Grains.Tests;

/// <summary>The merge rules alone, without a cluster.</summary>
public sealed class AircraftTrackTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_suspect_position_confirmed_by_the_next_one_re_anchors_the_track()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions());
        track.Apply(Reports.At("ae01c5", T0) with { Latitude = 0, Longitude = 0 }, T0, out _);

        // The first accepted fix was wrong: the aircraft is really ~300 nm away and keeps reporting there.
        track.Apply(Reports.At("ae01c5", T0.AddSeconds(5)) with { Latitude = 5, Longitude = 0 }, T0.AddSeconds(5), out var first);
        track.Apply(Reports.At("ae01c5", T0.AddSeconds(10)) with { Latitude = 5 + (0.5 / 60), Longitude = 0 }, T0.AddSeconds(10), out var second);

        Assert.Equal(new ReportOutcome(0, 0, 1), first);
        Assert.Equal(new ReportOutcome(1, 0, 0), second);
        Assert.Equal(5 + (0.5 / 60), track.State!.Position!.Value.Latitude, 9);
    }

    [Fact]
    public void A_report_whose_position_is_suspect_still_merges_its_squawk()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions());
        track.Apply(Reports.At("ae01c5", T0) with { Latitude = 0, Longitude = 0, Squawk = "1200" }, T0, out _);

        // 300 nm in 5 s, but the squawk is real.
        var state = track.Apply(Reports.At("ae01c5", T0.AddSeconds(5)) with { Latitude = 5, Longitude = 0, Squawk = "7700" }, T0.AddSeconds(5), out var outcome);

        Assert.Equal(new ReportOutcome(0, 0, 1), outcome);
        Assert.True(track.Merged);
        Assert.Equal("7700", state.Squawk?.Value);
        Assert.Equal(0, state.Position!.Value.Latitude);
    }

    [Fact]
    public void Two_suspect_positions_that_disagree_with_each_other_are_both_kept_out()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions());
        track.Apply(Reports.At("ae01c5", T0) with { Latitude = 0, Longitude = 0 }, T0, out _);
        track.Apply(Reports.At("ae01c5", T0.AddSeconds(5)) with { Latitude = 5, Longitude = 0 }, T0.AddSeconds(5), out var a);
        track.Apply(Reports.At("ae01c5", T0.AddSeconds(10)) with { Latitude = -5, Longitude = 0 }, T0.AddSeconds(10), out var b);

        Assert.Equal(1, a.Suspect);
        Assert.Equal(1, b.Suspect);
        Assert.Equal(0, track.State!.Position!.Value.Latitude);
        Assert.Equal(2, track.State.Suspect);
    }

    [Fact]
    public void Small_jitter_between_reports_a_moment_apart_is_not_suspect()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions());
        track.Apply(Reports.At("ae01c5", T0) with { Latitude = 0, Longitude = 0 }, T0, out _);

        // 0.3 nm in 100 ms would be 10,800 kt, but is within the 0.5 nm receiver/MLAT jitter allowance.
        track.Apply(Reports.At("ae01c5", T0.AddMilliseconds(100)) with { Latitude = 0.3 / 60, Longitude = 0 }, T0.AddMilliseconds(100), out var outcome);

        Assert.Equal(new ReportOutcome(1, 0, 0), outcome);
    }

    [Fact]
    public void A_stale_part_does_not_overwrite_while_a_newer_part_of_the_same_report_is_taken()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions());
        track.Apply(Reports.At("ae01c5", T0.AddSeconds(10), "a") with { Squawk = "7700" }, T0.AddSeconds(10), out _);
        track.Apply(Reports.At("ae01c5", T0.AddSeconds(5), "b") with { Squawk = "1200", Callsign = "AAL1" }, T0.AddSeconds(10), out var outcome);

        Assert.Equal(new ReportOutcome(1, 0, 0), outcome);
        Assert.Equal("7700", track.State!.Squawk?.Value);
        Assert.Equal("AAL1", track.State.Callsign?.Value);
        Assert.Equal("b", track.State.Callsign?.Feed);
    }
}
