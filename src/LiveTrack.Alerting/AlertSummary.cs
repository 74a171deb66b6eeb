using System.Globalization;
using System.Text;

namespace LiveTrack.Alerting;

/// <summary>The one-line <see cref="Alert.Summary"/> texts.</summary>
internal static class AlertSummary
{
    public static string Geofence(GeofenceEvent e)
    {
        var verb = e.Kind switch
        {
            GeofenceEventKind.Entered => "entered",
            GeofenceEventKind.Exited => "exited",
            _ => "was lost inside",
        };
        return $"{Who(e.Icao, e.Aircraft?.Callsign ?? e.Callsign)} {verb} {Fence(e)} at {Time(e.At)}{Decided(e)}";
    }

    /// <summary>
    /// For a fence drawn from a boundary dataset: which dataset and version decided it, and how far from the line the
    /// evidence position was — <c> (OSM maritime boundary, 1 km resolution, v1.1.0): 2.4 nm inside the line at 14:02:20Z</c>.
    /// </summary>
    private static string Decided(GeofenceEvent e)
    {
        if (e.Provenance is not { } p)
        {
            return "";
        }

        var evidence = e.Kind == GeofenceEventKind.LostInside ? e.Before : e.After;
        if (e.BoundaryDistanceNm is not { } distance || evidence is not { } position)
        {
            return $" ({p.Citation})";
        }

        var side = e.Kind == GeofenceEventKind.Exited ? "outside" : "inside";
        return string.Create(CultureInfo.InvariantCulture, $" ({p.Citation}): {distance:0.0} nm {side} the line at {Time(position.At)}");
    }

    public static string Dwell(GeofenceEvent entered, TimeSpan dwell) =>
        $"{Who(entered.Icao, entered.Aircraft?.Callsign ?? entered.Callsign)} has been inside {Fence(entered)} for {Duration(dwell)} (entered at {Time(entered.At)})";

    public static string Squawk(AircraftSignal start, string code, TimeSpan heldFor)
    {
        var meaning = code switch
        {
            "7500" => " (hijacking)",
            "7600" => " (radio failure)",
            "7700" => " (emergency)",
            _ => "",
        };
        var who = Who(start.Icao, start.Aircraft?.Callsign);
        return heldFor <= TimeSpan.Zero
            ? $"{who} squawked {code}{meaning} at {Time(start.At)}"
            : $"{who} has squawked {code}{meaning} for {Duration(heldFor)} (since {Time(start.At)})";
    }

    public static string Emergency(AircraftSignal start, TimeSpan heldFor)
    {
        var who = Who(start.Icao, start.Aircraft?.Callsign);
        return heldFor <= TimeSpan.Zero
            ? $"{who} declared an emergency at {Time(start.At)}"
            : $"{who} has declared an emergency for {Duration(heldFor)} (since {Time(start.At)})";
    }

    /// <summary><c>20 min</c>, <c>1 h 30 min</c>, <c>1 min 2.5 s</c>.</summary>
    internal static string Duration(TimeSpan duration)
    {
        var text = new StringBuilder();
        if (duration.Days > 0 || duration.Hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h");
        }

        if (duration.Minutes > 0)
        {
            text.Append(text.Length > 0 ? " " : "").Append(CultureInfo.InvariantCulture, $"{duration.Minutes} min");
        }

        var seconds = duration.Seconds + (duration.Milliseconds / 1000.0);
        if (seconds > 0 || text.Length == 0)
        {
            text.Append(text.Length > 0 ? " " : "").Append(CultureInfo.InvariantCulture, $"{seconds:0.###} s");
        }

        return text.ToString();
    }

    private static string Who(string icao, string? callsign) =>
        string.IsNullOrWhiteSpace(callsign) ? icao : $"{callsign.Trim()} ({icao})";

    private static string Fence(GeofenceEvent e) => string.IsNullOrWhiteSpace(e.FenceName) ? e.FenceId : e.FenceName;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
