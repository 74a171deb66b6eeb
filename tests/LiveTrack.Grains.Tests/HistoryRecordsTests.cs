using LiveTrack.History;

namespace LiveTrack.Grains.Tests;

/// <summary>What an accepted report hands the history: the new position with its accuracy, and each changed field once.</summary>
public sealed class HistoryRecordsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private sealed class Recorded : IHistoryRecorder
    {
        public List<PositionRecord> Positions { get; } = [];

        public List<ChangeRecord> Changes { get; } = [];

        public void Position(PositionRecord position) => Positions.Add(position);

        public void Change(ChangeRecord change) => Changes.Add(change);

        public void FenceEvent(EventRecord geofenceEvent)
        {
        }
    }

    private static void Apply(AircraftTrack track, Recorded history, AircraftReport report)
    {
        var previous = track.State;
        var state = track.Apply(report, report.Timestamp, out var outcome);
        if (outcome.Accepted > 0)
        {
            HistoryRecords.Record(history, previous, state, report);
        }
    }

    [Fact]
    public void A_new_position_is_recorded_with_its_source_feed_and_accuracy()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions());
        var history = new Recorded();

        Apply(track, history, Reports.At("ae01c5", T0) with { Latitude = 26, Longitude = -110, PositionSource = PositionSource.Mlat, BarometricAltitudeFeet = 30000, Nic = 8, NacP = 10, ContainmentRadiusMeters = 186 });

        var p = Assert.Single(history.Positions);
        Assert.Equal((T0, 26.0, -110.0, PositionSource.Mlat, 30000), (p.At, p.Latitude, p.Longitude, p.Source, p.BarometricAltitudeFeet!.Value));
        Assert.Equal((8, 10, 186.0), (p.Nic!.Value, p.NacP!.Value, p.ContainmentRadiusMeters!.Value));
        Assert.Equal(track.State!.PositionAccuracy, new PositionAccuracy(8, 10, 186));
    }

    [Fact]
    public void Each_change_of_callsign_squawk_altitude_or_emergency_is_recorded_once()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions());
        var history = new Recorded();

        Apply(track, history, Reports.At("ae01c5", T0) with { Callsign = "RCH123", Squawk = "1200", BarometricAltitudeFeet = 30000 });
        Apply(track, history, Reports.At("ae01c5", T0.AddSeconds(1)) with { Callsign = "RCH123", Squawk = "1200", BarometricAltitudeFeet = 30000 });
        Apply(track, history, Reports.At("ae01c5", T0.AddSeconds(2)) with { Squawk = "7700", Emergency = true, BarometricAltitudeFeet = 30100 });

        Assert.Equal(
            [(ChangeField.Callsign, "RCH123"), (ChangeField.Squawk, "1200"), (ChangeField.Altitude, "30000"), (ChangeField.Squawk, "7700"), (ChangeField.Altitude, "30100"), (ChangeField.Emergency, "true")],
            history.Changes.Select(c => (c.Field, c.Value)));
        Assert.Empty(history.Positions);
    }
}
