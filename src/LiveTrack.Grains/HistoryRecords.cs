using LiveTrack.History;

namespace LiveTrack.Grains;

/// <summary>What an aircraft grain hands the history for one accepted report: the new position and the changed fields.</summary>
public static class HistoryRecords
{
    /// <summary>Records the position of <paramref name="state"/> (new since <paramref name="previous"/>) and every change of callsign, squawk, altitude or emergency.</summary>
    /// <param name="imported">True for imported data (<see cref="ImportedTraffic"/>): every record is marked <c>Imported</c>.</param>
    public static void Record(IHistoryRecorder history, AircraftState? previous, AircraftState state, AircraftReport report, bool imported = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(report);
        if (state.Position is { } position && position != previous?.Position)
        {
            history.Position(new PositionRecord
            {
                Icao = state.Icao,
                At = position.At,
                Latitude = position.Latitude,
                Longitude = position.Longitude,
                BarometricAltitudeFeet = state.BarometricAltitudeFeet?.Value,
                GeometricAltitudeFeet = state.GeometricAltitudeFeet?.Value,
                GroundSpeedKnots = state.GroundSpeedKnots?.Value,
                TrackDegrees = state.TrackDegrees?.Value,
                Source = position.Source,
                Feed = position.Feed,
                Nic = state.PositionAccuracy?.Nic,
                NacP = state.PositionAccuracy?.NacP,
                ContainmentRadiusMeters = state.PositionAccuracy?.ContainmentRadiusMeters,
                Imported = imported,
            });
        }

        Changed(history, state.Icao, ChangeField.Callsign, previous?.Callsign, state.Callsign, v => v, imported);
        Changed(history, state.Icao, ChangeField.Squawk, previous?.Squawk, state.Squawk, v => v, imported);
        Changed(history, state.Icao, ChangeField.Altitude, previous?.BarometricAltitudeFeet, state.BarometricAltitudeFeet, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), imported);
        Changed(history, state.Icao, ChangeField.Emergency, previous?.Emergency, state.Emergency, v => v ? "true" : "false", imported);
    }

    private static void Changed<T>(IHistoryRecorder history, string icao, ChangeField field, Reading<T>? before, Reading<T>? after, Func<T, string> text, bool imported)
    {
        if (after is { } now && (before is not { } was || !EqualityComparer<T>.Default.Equals(was.Value, now.Value)))
        {
            history.Change(new ChangeRecord { Icao = icao, At = now.At, Field = field, Value = text(now.Value), Feed = now.Feed, Imported = imported });
        }
    }
}
