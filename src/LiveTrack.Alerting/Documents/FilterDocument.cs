using System.Text.Json.Serialization;

namespace LiveTrack.Alerting.Documents;

/// <summary>A rule's aircraft filter; every criterion that is present must hold.</summary>
public sealed record FilterDocument
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Icao { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Callsign { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Registrations { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? TypeCodes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Military { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BandDocument? AltitudeFeet { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BandDocument? SpeedKnots { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Sources { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ExcludeSources { get; init; }

    public static FilterDocument From(AircraftFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new FilterDocument
        {
            Icao = filter.IcaoRanges?.Select(r => r.ToString()).ToArray(),
            Callsign = filter.Callsign?.ToString(),
            Registrations = filter.Registrations?.Order(StringComparer.OrdinalIgnoreCase).ToArray(),
            TypeCodes = filter.TypeCodes?.Order(StringComparer.OrdinalIgnoreCase).ToArray(),
            Military = filter.Military,
            AltitudeFeet = BandDocument.From(filter.AltitudeFeet),
            SpeedKnots = BandDocument.From(filter.SpeedKnots),
            Sources = filter.Sources?.Order().Select(s => s.ToString()).ToArray(),
            ExcludeSources = filter.ExcludeSources?.Order().Select(s => s.ToString()).ToArray(),
        };
    }
}
