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
        return $"{Who(e.Icao, e.Aircraft?.Callsign ?? e.Callsign)} {verb} {Fence(e)} at {Time(e.At)}";
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
