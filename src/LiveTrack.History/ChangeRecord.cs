namespace LiveTrack.History;

/// <summary>
/// A change of callsign, squawk, barometric altitude or emergency flag: the new value and when it was observed. The
/// first value an aircraft reports is a change too (from unknown).
/// </summary>
public sealed record ChangeRecord
{
    public required string Icao { get; init; }

    public required DateTimeOffset At { get; init; }

    public required ChangeField Field { get; init; }

    /// <summary>The new value as text: callsign, 4-digit squawk, altitude in feet, <c>true</c>/<c>false</c>.</summary>
    public required string Value { get; init; }

    public required string Feed { get; init; }

    public bool Imported { get; init; }
}
