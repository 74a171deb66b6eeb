using System.Text.Json;
using System.Text.Json.Serialization;
using LiveTrack.Adsb;

namespace LiveTrack.Benchmarks;

/// <summary>
/// The alternative to <see cref="ReadsbJsonParser"/> that issue 11 asks to compare against: readsb's
/// <c>aircraft.json</c> deserialized into DTOs by a source-generated <see cref="JsonSerializerContext"/>, then mapped to
/// <see cref="AircraftObservation"/>s with the same unit conversions and range checks (entries out of range are
/// skipped). Benchmark-only: it exists to measure whether the hand-written reader earns its keep.
/// </summary>
internal static class SourceGeneratedReadsbReader
{
    public static List<AircraftObservation> Parse(byte[] utf8Json)
    {
        var document = JsonSerializer.Deserialize(utf8Json, ReadsbJsonContext.Default.ReadsbDocument)
            ?? throw new JsonException("null document");
        var nowMs = (long)(document.Now * 1000);
        var observations = new List<AircraftObservation>(document.Aircraft?.Count ?? 0);
        foreach (var entry in document.Aircraft ?? [])
        {
            if (Map(entry, nowMs) is { } observation)
            {
                observations.Add(observation);
            }
        }

        return observations;
    }

    private static AircraftObservation? Map(ReadsbEntry entry, long nowMs)
    {
        if (entry.Hex is not { Length: 6 } hex || !IcaoAddress.TryNormalize(hex, out var icao)
            || entry.Lat is < -90 or > 90 || entry.Lon is < -180 or > 180 || (entry.Lat is null) != (entry.Lon is null)
            || entry.Gs < 0 || entry.Track is < 0 or > 360 || entry.Seen is < 0 or > 31_622_400 || entry.SeenPos is < 0 or > 31_622_400)
        {
            return null;
        }

        int? baro = null;
        bool? onGround = null;
        if (entry.AltBaro is { } altitude)
        {
            if (altitude.ValueKind == JsonValueKind.String && altitude.ValueEquals("ground"u8))
            {
                onGround = true;
            }
            else if (altitude.ValueKind == JsonValueKind.Number && altitude.TryGetInt32(out var feet) && feet is >= -2000 and <= 200_000)
            {
                baro = feet;
                onGround = false;
            }
            else
            {
                return null;
            }
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(nowMs - (long)((entry.Seen ?? 0) * 1000));
        return new AircraftObservation
        {
            Icao = icao,
            Time = time,
            PositionTime = entry.Lat is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(nowMs - (long)((entry.SeenPos ?? entry.Seen ?? 0) * 1000)),
            Latitude = entry.Lat,
            Longitude = entry.Lon,
            SourceType = entry.Type,
            Callsign = entry.Flight?.Trim() is { Length: > 0 } callsign ? callsign : null,
            BarometricAltitudeFeet = baro,
            GeometricAltitudeFeet = entry.AltGeom,
            OnGround = onGround,
            GroundSpeedKnots = entry.Gs,
            TrackDegrees = entry.Track,
            VerticalRateFeetPerMinute = entry.BaroRate ?? entry.GeomRate,
            Squawk = entry.Squawk is { Length: 4 } squawk && squawk.All(c => c is >= '0' and <= '7') ? squawk : null,
            Emergency = entry.Emergency,
            Category = entry.Category,
            Registration = entry.R,
            TypeCode = entry.T,
            IsMilitary = entry.DbFlags is { } flags ? (flags & 1) != 0 : null,
        };
    }
}

internal sealed class ReadsbDocument
{
    public double Now { get; set; }

    public List<ReadsbEntry>? Aircraft { get; set; }
}

internal sealed class ReadsbEntry
{
    public string? Hex { get; set; }

    public string? Type { get; set; }

    public string? Flight { get; set; }

    [JsonPropertyName("alt_baro")]
    public JsonElement? AltBaro { get; set; }

    [JsonPropertyName("alt_geom")]
    public int? AltGeom { get; set; }

    public double? Gs { get; set; }

    public double? Track { get; set; }

    [JsonPropertyName("baro_rate")]
    public int? BaroRate { get; set; }

    [JsonPropertyName("geom_rate")]
    public int? GeomRate { get; set; }

    public string? Squawk { get; set; }

    public string? Emergency { get; set; }

    public string? Category { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    [JsonPropertyName("seen_pos")]
    public double? SeenPos { get; set; }

    public double? Seen { get; set; }

    public string? R { get; set; }

    public string? T { get; set; }

    public int? DbFlags { get; set; }
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReadsbDocument))]
internal sealed partial class ReadsbJsonContext : JsonSerializerContext;
