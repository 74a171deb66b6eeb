using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace LiveTrack.Adsb;

/// <summary>Parser for the OpenSky Network REST API's <c>/api/states/all</c> (and <c>/api/states/own</c>) response.</summary>
/// <remarks>
/// <para>
/// Top level: <c>{ "time": 1732363200, "states": [ [ … ], … ] }</c> with <c>time</c> in Unix seconds;
/// <c>"states": null</c> means no aircraft. Each state vector is an array indexed 0 icao24, 1 callsign,
/// 2 origin_country, 3 time_position, 4 last_contact, 5 longitude, 6 latitude, 7 baro_altitude (m), 8 on_ground,
/// 9 velocity (m/s), 10 true_track, 11 vertical_rate (m/s), 12 sensors, 13 geo_altitude (m), 14 squawk, 15 spi,
/// 16 position_source, and optionally 17 category; further elements are ignored.
/// </para>
/// <para>
/// Metres become feet (÷ 0.3048, rounded), m/s become knots (× 3600 / 1852) and vertical m/s become ft/min
/// (× 60 / 0.3048, rounded). <c>icao24</c> and <c>last_contact</c> are required; every other element may be
/// <c>null</c>. A vector shorter than 17 elements, with an element of the wrong type, only one coordinate, or a
/// value out of range (same limits as <see cref="ReadsbJsonParser"/>) is skipped and counted as malformed.
/// <c>PositionTime</c> is <c>time_position</c>, or <c>last_contact</c> when a position comes without one. An
/// unknown <c>position_source</c> number yields no source type; category 0 and 1 ("no information") yield none.
/// </para>
/// </remarks>
public static class OpenSkyStatesParser
{
    /// <summary>Feet in one metre (altitudes).</summary>
    public const double FeetPerMetre = 1 / 0.3048;

    /// <summary>Knots in one metre per second (ground speed).</summary>
    public const double KnotsPerMetrePerSecond = 3600.0 / 1852.0;

    /// <summary>Feet per minute in one metre per second (vertical rate).</summary>
    public const double FeetPerMinutePerMetrePerSecond = 60 / 0.3048;

    private const int RequiredElements = 17;

    /// <summary>Latest Unix second <see cref="DateTimeOffset"/> can represent.</summary>
    private const double MaxUnixSeconds = SnapshotJson.MaxUnixMilliseconds / 1000;

    private static readonly SnapshotLayout Layout = new(
        "time",
        [new SnapshotArray("states", 1000, AllowNull: true)],
        ParseEntry);

    private static readonly string[] ElementNames =
    [
        "[0] (icao24)", "[1] (callsign)", "[2] (origin_country)", "[3] (time_position)", "[4] (last_contact)",
        "[5] (longitude)", "[6] (latitude)", "[7] (baro_altitude)", "[8] (on_ground)", "[9] (velocity)",
        "[10] (true_track)", "[11] (vertical_rate)", "[12] (sensors)", "[13] (geo_altitude)", "[14] (squawk)",
        "[15] (spi)", "[16] (position_source)", "[17] (category)",
    ];

    private static readonly string[] PositionSources = ["adsb", "asterix", "mlat", "flarm"];

    private static readonly string[] CategoryNames = [.. Enumerable.Range(0, 32).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Parses one OpenSky <c>/api/states/all</c> response.</summary>
    /// <param name="utf8Json">The whole document as UTF-8.</param>
    /// <param name="result">Every valid state vector plus the count and samples of skipped ones; null on failure.</param>
    /// <param name="error">Why the document as a whole was rejected; null on success.</param>
    /// <returns><see langword="false"/> when nothing from the document may be used.</returns>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out SnapshotParseResult? result,
        [NotNullWhen(false)] out string? error) =>
        SnapshotJson.TryParse(utf8Json, Layout, out result, out error);

    private static AircraftObservation? ParseEntry(ref Utf8JsonReader reader, long nowMs, out EntryFault fault)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            fault = SnapshotJson.Expected(string.Empty, "an array", reader.TokenType);
            SnapshotJson.SkipContainer(ref reader);
            return null;
        }

        var state = default(State);
        var failed = false;
        var count = 0;
        fault = default;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!failed && count < ElementNames.Length && !state.TryRead(ref reader, count, out fault))
            {
                failed = true;
            }

            SnapshotJson.SkipContainer(ref reader);
            count++;
        }

        if (failed)
        {
            return null;
        }

        if (count < RequiredElements)
        {
            fault = new EntryFault(string.Empty, $"expected at least {RequiredElements} elements, got {count}");
            return null;
        }

        return state.Build(out fault);
    }

    private struct State
    {
        private string? icao;
        private string? callsign;
        private string? originCountry;
        private double? timePosition;
        private double? lastContact;
        private double? longitude;
        private double? latitude;
        private int? baroAltitude;
        private bool? onGround;
        private double? groundSpeedKnots;
        private double? track;
        private int? verticalRate;
        private int? geoAltitude;
        private string? squawk;
        private bool? spi;
        private string? positionSource;
        private string? category;

        public bool TryRead(ref Utf8JsonReader reader, int index, out EntryFault fault)
        {
            var field = ElementNames[index];
            fault = default;
            switch (index)
            {
                case 0:
                    return SnapshotJson.TryIcao(ref reader, field, out icao, out fault);
                case 1:
                    return SnapshotJson.TryText(ref reader, field, out callsign, out fault);
                case 2:
                    return SnapshotJson.TryText(ref reader, field, out originCountry, out fault);
                case 3:
                    return SnapshotJson.TryNumber(ref reader, field, 0, MaxUnixSeconds, "Unix seconds", out timePosition, out fault);
                case 4:
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        fault = SnapshotJson.Expected(field, "a number", reader.TokenType);
                        return false;
                    }

                    return SnapshotJson.TryNumber(ref reader, field, 0, MaxUnixSeconds, "Unix seconds", out lastContact, out fault);
                case 5:
                    return SnapshotJson.TryNumber(ref reader, field, -180, 180, "degrees", out longitude, out fault);
                case 6:
                    return SnapshotJson.TryNumber(ref reader, field, -90, 90, "degrees", out latitude, out fault);
                case 7:
                    return TryMetresAsFeet(ref reader, field, out baroAltitude, out fault);
                case 8:
                    return SnapshotJson.TryFlag(ref reader, field, allowNumber: false, out onGround, out fault);
                case 9:
                    return TryVelocity(ref reader, field, out groundSpeedKnots, out fault);
                case 10:
                    return SnapshotJson.TryNumber(ref reader, field, 0, 360, "degrees", out track, out fault);
                case 11:
                    return TryVerticalRate(ref reader, field, out verticalRate, out fault);
                case 12:
                    return true; // sensors: receiver ids, not used
                case 13:
                    return TryMetresAsFeet(ref reader, field, out geoAltitude, out fault);
                case 14:
                    return SnapshotJson.TrySquawk(ref reader, field, out squawk, out fault);
                case 15:
                    return SnapshotJson.TryFlag(ref reader, field, allowNumber: false, out spi, out fault);
                case 16:
                    return TrySmallInt(ref reader, field, out var source, out fault) &&
                        Assign(out positionSource, source is >= 0 and < 4 ? PositionSources[source.Value] : null);
                case 17:
                    return TrySmallInt(ref reader, field, out var code, out fault) &&
                        Assign(out category, code switch
                        {
                            null or 0 or 1 => null,
                            < 0 => null,
                            < 32 => CategoryNames[code.Value],
                            _ => code.Value.ToString(CultureInfo.InvariantCulture),
                        });
                default:
                    return true;
            }
        }

        public readonly AircraftObservation? Build(out EntryFault fault)
        {
            fault = default;
            if (icao is null)
            {
                fault = new EntryFault(ElementNames[0], "missing");
                return null;
            }

            if (lastContact is not { } contact)
            {
                fault = new EntryFault(ElementNames[4], "missing");
                return null;
            }

            if (latitude.HasValue != longitude.HasValue)
            {
                fault = latitude.HasValue
                    ? new EntryFault(ElementNames[5], "missing while latitude is present")
                    : new EntryFault(ElementNames[6], "missing while longitude is present");
                return null;
            }

            var time = DateTimeOffset.FromUnixTimeMilliseconds(SnapshotJson.SecondsToMilliseconds(contact));
            return new AircraftObservation
            {
                Icao = icao,
                Time = time,
                PositionTime = latitude.HasValue
                    ? timePosition is { } p ? DateTimeOffset.FromUnixTimeMilliseconds(SnapshotJson.SecondsToMilliseconds(p)) : time
                    : null,
                Latitude = latitude,
                Longitude = longitude,
                SourceType = positionSource,
                Callsign = callsign,
                BarometricAltitudeFeet = baroAltitude,
                GeometricAltitudeFeet = geoAltitude,
                OnGround = onGround,
                GroundSpeedKnots = groundSpeedKnots,
                TrackDegrees = track,
                VerticalRateFeetPerMinute = verticalRate,
                Squawk = squawk,
                Spi = spi,
                Category = category,
                OriginCountry = originCountry,
            };
        }

        private static bool Assign(out string? target, string? value)
        {
            target = value;
            return true;
        }

        private static bool TryMetresAsFeet(ref Utf8JsonReader reader, string field, out int? feet, out EntryFault fault)
        {
            feet = null;
            if (!SnapshotJson.TryNumber(ref reader, field, double.NegativeInfinity, double.PositiveInfinity, "m", out var metres, out fault))
            {
                return false;
            }

            if (metres is not { } m)
            {
                return true;
            }

            if (!SnapshotJson.CheckRange(field, Math.Round(m * FeetPerMetre, MidpointRounding.AwayFromZero), SnapshotJson.MinAltitudeFeet, SnapshotJson.MaxAltitudeFeet, "feet", out var converted, out fault))
            {
                return false;
            }

            feet = (int)converted!.Value;
            return true;
        }

        private static bool TryVelocity(ref Utf8JsonReader reader, string field, out double? knots, out EntryFault fault)
        {
            knots = null;
            if (!SnapshotJson.TryNumber(ref reader, field, 0, double.PositiveInfinity, "m/s", out var speed, out fault))
            {
                return false;
            }

            if (speed is { } v)
            {
                // Only absurd inputs (beyond 9E+307 m/s) overflow the conversion.
                return SnapshotJson.CheckRange(field, v * KnotsPerMetrePerSecond, 0, double.MaxValue, "knots", out knots, out fault);
            }

            return true;
        }

        private static bool TryVerticalRate(ref Utf8JsonReader reader, string field, out int? feetPerMinute, out EntryFault fault)
        {
            feetPerMinute = null;
            if (!SnapshotJson.TryNumber(ref reader, field, double.NegativeInfinity, double.PositiveInfinity, "m/s", out var rate, out fault))
            {
                return false;
            }

            if (rate is not { } r)
            {
                return true;
            }

            var max = (double)SnapshotJson.MaxAbsVerticalRate;
            if (!SnapshotJson.CheckRange(field, Math.Round(r * FeetPerMinutePerMetrePerSecond, MidpointRounding.AwayFromZero), -max, max, "ft/min", out var converted, out fault))
            {
                return false;
            }

            feetPerMinute = (int)converted!.Value;
            return true;
        }

        private static bool TrySmallInt(ref Utf8JsonReader reader, string field, out int? value, out EntryFault fault)
        {
            value = null;
            fault = default;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return true;
                case JsonTokenType.Number when reader.TryGetInt32(out var number):
                    value = number;
                    return true;
                case JsonTokenType.Number:
                    fault = new EntryFault(field, "not an integer");
                    return false;
                default:
                    fault = SnapshotJson.Expected(field, "an integer", reader.TokenType);
                    return false;
            }
        }
    }
}
