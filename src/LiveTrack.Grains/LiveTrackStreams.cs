namespace LiveTrack.Grains;

/// <summary>Names of LiveTrack's Orleans streams.</summary>
public static class LiveTrackStreams
{
    /// <summary>The stream provider grains publish on.</summary>
    public const string ProviderName = "livetrack";

    /// <summary>Geofence events, one stream per fence id.</summary>
    public const string GeofenceEventsNamespace = "geofence-events";

    /// <summary>Squawk and emergency changes (<see cref="AircraftSignal"/>), one stream per partition of aircraft.</summary>
    public const string SignalsNamespace = "aircraft-signals";

    /// <summary>Number of signal partitions: each is evaluated by its own rule grain, so none sees all traffic.</summary>
    public const int SignalPartitions = 16;

    /// <summary>The signal partition of an aircraft, the same on every silo (from the 24-bit address).</summary>
    public static string SignalPartition(string icao)
    {
        ArgumentNullException.ThrowIfNull(icao);
        var hex = icao.AsSpan().TrimStart('~');
        var value = int.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : icao.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        return $"p{(uint)value % SignalPartitions:00}";
    }
}
