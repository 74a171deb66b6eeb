using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LiveTrack.History;

/// <summary>
/// A position in the event log's (<c>At</c>, <c>Icao</c>, <c>Sequence</c>) order; its text form (<see cref="ToString"/>)
/// is the opaque <c>cursor</c> of the events API: <c>{unix microseconds}.{icao}.{sequence}</c>.
/// </summary>
public readonly record struct EventCursor(DateTimeOffset At, string Icao, long Sequence)
{
    public static EventCursor Of(GeofenceEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.At, e.Icao, e.Sequence);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{HistoryTime.ToMicros(At)}.{Icao}.{Sequence}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out EventCursor? cursor)
    {
        cursor = null;
        var parts = text?.Split('.');
        if (parts is not { Length: 3 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            || parts[1].Length is < 6 or > 7
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        try
        {
            cursor = new EventCursor(HistoryTime.FromMicros(micros), parts[1], sequence);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
