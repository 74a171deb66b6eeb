using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LiveTrack.Adsb;

/// <summary>
/// Parser for readsb / tar1090 <c>aircraft.json</c>, the ADS-B Exchange v2 API shape and the older
/// dump1090-mutability <c>aircraft.json</c>.
/// </summary>
/// <remarks>
/// <para>
/// Top level: <c>{ "now": 1732363200.5, "aircraft": [ … ] }</c> with <c>now</c> in Unix seconds, or ADS-B Exchange
/// v2's <c>{ "ac": [ … ], "now": 1732363200500 }</c> with <c>now</c> in Unix milliseconds (the array's name decides
/// the unit; <c>"ac": null</c> means no aircraft). A document with both arrays, or either twice, is rejected.
/// </para>
/// <para>
/// Per aircraft: <c>hex</c> (required), <c>flight</c>, <c>alt_baro</c> (feet or <c>"ground"</c>), <c>alt_geom</c>,
/// <c>gs</c>, <c>track</c>, <c>baro_rate</c> (preferred) / <c>geom_rate</c>, <c>squawk</c>, <c>emergency</c>,
/// <c>category</c>, <c>lat</c>, <c>lon</c>, <c>seen_pos</c>, <c>seen</c>, <c>type</c>, <c>spi</c>, <c>r</c>,
/// <c>t</c>, <c>dbFlags</c>, <c>mlat</c>, <c>tisb</c>, and the position's accuracy <c>nic</c> and <c>nac_p</c> (0–11) and
/// <c>rc</c> (metres, kept only with a position); dump1090-mutability's <c>altitude</c>, <c>speed</c> and
/// <c>vert_rate</c> are used when the newer names are absent. <c>null</c> means absent; other fields are ignored.
/// An altitude of <c>"ground"</c> means on the ground with no barometric altitude; a numeric one means airborne.
/// <c>Time</c> is <c>now − seen</c> (<c>now</c> without <c>seen</c>); <c>PositionTime</c> is <c>now − seen_pos</c>,
/// falling back to <c>Time</c>, and only with a position.
/// </para>
/// <para>
/// An entry is skipped (and counted in <see cref="SnapshotParseResult.Malformed"/>) when it is not an object, has
/// no valid <c>hex</c>, has a known field of the wrong type, only one of <c>lat</c>/<c>lon</c>, or a value out of
/// range: latitude [-90, 90], longitude [-180, 180], altitudes [-2000, 200000] ft, speed ≥ 0, track [0, 360],
/// vertical rate ±100000 ft/min, <c>seen</c>/<c>seen_pos</c> [0 s, 1 year], <c>nic</c>/<c>nac_p</c> [0, 11],
/// <c>rc</c> [0, 1000000] m. A squawk that is not four octal digits
/// and an unknown <c>emergency</c> value become <see langword="null"/> without skipping the entry.
/// </para>
/// </remarks>
public static class ReadsbJsonParser
{
    private static readonly SnapshotLayout Layout = new(
        "now",
        [new SnapshotArray("aircraft", 1000, AllowNull: false), new SnapshotArray("ac", 1, AllowNull: true)],
        ParseEntry);

    private static readonly KnownStrings SourceTypes = new(
        "adsb_icao", "adsb_icao_nt", "adsr_icao", "tisb_icao", "adsb_other", "adsr_other", "tisb_trackfile",
        "tisb_other", "adsc", "mlat", "mode_s", "other", "unknown");

    private static readonly KnownStrings Emergencies = new(
        "none", "general", "lifeguard", "minfuel", "nordo", "unlawful", "downed", "reserved");

    private static readonly string[] Categories = [.. "ABCD".SelectMany(letter => "01234567".Select(digit => $"{letter}{digit}"))];

    /// <summary>Parses one readsb / tar1090 / ADS-B Exchange v2 / dump1090-mutability <c>aircraft.json</c> document.</summary>
    /// <param name="utf8Json">The whole document as UTF-8.</param>
    /// <param name="result">Every valid aircraft plus the count and samples of skipped entries; null on failure.</param>
    /// <param name="error">Why the document as a whole was rejected; null on success.</param>
    /// <returns><see langword="false"/> when nothing from the document may be used.</returns>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out SnapshotParseResult? result,
        [NotNullWhen(false)] out string? error) =>
        SnapshotJson.TryParse(utf8Json, Layout, out result, out error);

    /// <summary>
    /// Parses one aircraft object on its own: an entry of <c>aircraft.json</c>, or the details object readsb writes
    /// into a globe-history trace point (<c>trace_full_*.json</c>), which has no <c>hex</c>. Same fields and rules
    /// as an entry of <see cref="TryParse"/>.
    /// </summary>
    /// <param name="utf8Object">Exactly one JSON object as UTF-8.</param>
    /// <param name="now">The time the object is as of; its <c>seen</c> and <c>seen_pos</c> count back from it.</param>
    /// <param name="icao">The normalised address to use when the object has no <c>hex</c> of its own.</param>
    /// <param name="observation">The aircraft; null on failure.</param>
    /// <param name="error">Why the object was rejected, naming the field (<c>.lat: expected a number …</c>); null on success.</param>
    /// <returns><see langword="false"/> when the object is not valid JSON or not a valid aircraft.</returns>
    public static bool TryParseAircraft(
        ReadOnlySpan<byte> utf8Object,
        DateTimeOffset now,
        string? icao,
        [NotNullWhen(true)] out AircraftObservation? observation,
        [NotNullWhen(false)] out string? error)
    {
        observation = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Object);
            if (!reader.Read())
            {
                error = "object is empty";
                return false;
            }

            observation = ParseObject(ref reader, now.ToUnixTimeMilliseconds(), icao, out var fault);
            if (observation is null)
            {
                error = $"{fault.Field}: {fault.Problem}";
                return false;
            }

            if (reader.Read())
            {
                observation = null;
                error = "unexpected content after the object";
                return false;
            }

            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            observation = null;
            error = $"not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static AircraftObservation? ParseEntry(ref Utf8JsonReader reader, long nowMs, out EntryFault fault) =>
        ParseObject(ref reader, nowMs, defaultIcao: null, out fault);

    private static AircraftObservation? ParseObject(ref Utf8JsonReader reader, long nowMs, string? defaultIcao, out EntryFault fault)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            fault = SnapshotJson.Expected(string.Empty, "an object", reader.TokenType);
            SnapshotJson.SkipContainer(ref reader);
            return null;
        }

        var entry = default(Entry);
        var failed = false;
        fault = default;
        Span<byte> nameBytes = stackalloc byte[64];
        Span<char> nameChars = stackalloc char[64];

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = nameChars[..SnapshotJson.PropertyName(ref reader, nameBytes, nameChars)];
            reader.Read();
            if (!failed && !entry.TryRead(ref reader, name, out fault))
            {
                failed = true;
            }

            SnapshotJson.SkipContainer(ref reader);
        }

        entry.DefaultIcao(defaultIcao);
        return failed ? null : entry.Build(nowMs, out fault);
    }

    /// <summary>The fields of one aircraft entry as read, before times are resolved and alternatives chosen.</summary>
    private struct Entry
    {
        private string? icao;
        private string? callsign;
        private double? altBaro;
        private bool altBaroGround;
        private double? altitudeOld;
        private bool altitudeOldGround;
        private double? altGeom;
        private double? gs;
        private double? speedOld;
        private double? track;
        private double? baroRate;
        private double? geomRate;
        private double? vertRateOld;
        private string? squawk;
        private string? emergency;
        private string? category;
        private double? lat;
        private double? lon;
        private double? seenPos;
        private double? seen;
        private string? type;
        private bool? spi;
        private string? registration;
        private string? typeCode;
        private long? dbFlags;
        private bool latFromMlat;
        private double? nic;
        private double? nacP;
        private double? rc;

        /// <summary>Uses <paramref name="value"/> when the object had no <c>hex</c> of its own.</summary>
        public void DefaultIcao(string? value) => icao ??= value;

        public bool TryRead(ref Utf8JsonReader reader, scoped ReadOnlySpan<char> name, out EntryFault fault)
        {
            fault = default;
            switch (name)
            {
                case "hex":
                    return SnapshotJson.TryIcao(ref reader, ".hex", out icao, out fault);
                case "flight":
                    return SnapshotJson.TryText(ref reader, ".flight", out callsign, out fault);
                case "alt_baro":
                    return TryAltitude(ref reader, ".alt_baro", allowGround: true, out altBaro, out altBaroGround, out fault);
                case "altitude":
                    return TryAltitude(ref reader, ".altitude", allowGround: true, out altitudeOld, out altitudeOldGround, out fault);
                case "alt_geom":
                    return TryAltitude(ref reader, ".alt_geom", allowGround: false, out altGeom, out _, out fault);
                case "gs":
                    return SnapshotJson.TryNumber(ref reader, ".gs", 0, double.PositiveInfinity, "knots", out gs, out fault);
                case "speed":
                    return SnapshotJson.TryNumber(ref reader, ".speed", 0, double.PositiveInfinity, "knots", out speedOld, out fault);
                case "track":
                    return SnapshotJson.TryNumber(ref reader, ".track", 0, 360, "degrees", out track, out fault);
                case "baro_rate":
                    return TryRate(ref reader, ".baro_rate", out baroRate, out fault);
                case "geom_rate":
                    return TryRate(ref reader, ".geom_rate", out geomRate, out fault);
                case "vert_rate":
                    return TryRate(ref reader, ".vert_rate", out vertRateOld, out fault);
                case "squawk":
                    return SnapshotJson.TrySquawk(ref reader, ".squawk", out squawk, out fault);
                case "emergency":
                    return TryKnown(ref reader, ".emergency", Emergencies, keepUnknown: false, out emergency, out fault);
                case "category":
                    return TryCategory(ref reader, out category, out fault);
                case "lat":
                    return SnapshotJson.TryNumber(ref reader, ".lat", -90, 90, "degrees", out lat, out fault);
                case "lon":
                    return SnapshotJson.TryNumber(ref reader, ".lon", -180, 180, "degrees", out lon, out fault);
                case "seen_pos":
                    return SnapshotJson.TryAge(ref reader, ".seen_pos", out seenPos, out fault);
                case "seen":
                    return SnapshotJson.TryAge(ref reader, ".seen", out seen, out fault);
                case "type":
                    return TryKnown(ref reader, ".type", SourceTypes, keepUnknown: true, out type, out fault);
                case "spi":
                    return SnapshotJson.TryFlag(ref reader, ".spi", allowNumber: true, out spi, out fault);
                case "r":
                    return SnapshotJson.TryText(ref reader, ".r", out registration, out fault);
                case "t":
                    return SnapshotJson.TryText(ref reader, ".t", out typeCode, out fault);
                case "dbFlags":
                    return TryFlags(ref reader, out dbFlags, out fault);
                case "mlat":
                    return TryFieldList(ref reader, ".mlat", out latFromMlat, out fault);
                case "nic":
                    return SnapshotJson.TryNumber(ref reader, ".nic", 0, 11, "NIC", out nic, out fault);
                case "nac_p":
                    return SnapshotJson.TryNumber(ref reader, ".nac_p", 0, 11, "NACp", out nacP, out fault);
                case "rc":
                    return SnapshotJson.TryNumber(ref reader, ".rc", 0, 1_000_000, "metres", out rc, out fault);
                case "tisb":
                    return TryFieldList(ref reader, ".tisb", out _, out fault); // validated, but no source type of its own
                default:
                    return true;
            }
        }

        public readonly AircraftObservation? Build(long nowMs, out EntryFault fault)
        {
            if (icao is null)
            {
                fault = new EntryFault(".hex", "missing");
                return null;
            }

            if (lat.HasValue != lon.HasValue)
            {
                fault = lat.HasValue
                    ? new EntryFault(".lon", "missing while lat is present")
                    : new EntryFault(".lat", "missing while lon is present");
                return null;
            }

            fault = default;
            var seenMs = seen is { } s ? SnapshotJson.SecondsToMilliseconds(s) : 0;
            var hasPosition = lat.HasValue;

            // alt_baro wins over dump1090-mutability's altitude; a number means airborne, "ground" on the ground.
            bool? onGround = null;
            double? baro = null;
            if (altBaro.HasValue || altBaroGround)
            {
                onGround = altBaroGround;
                baro = altBaro;
            }
            else if (altitudeOld.HasValue || altitudeOldGround)
            {
                onGround = altitudeOldGround;
                baro = altitudeOld;
            }

            var rate = baroRate ?? geomRate ?? vertRateOld;
            return new AircraftObservation
            {
                Icao = icao,
                Time = DateTimeOffset.FromUnixTimeMilliseconds(nowMs - seenMs),
                PositionTime = hasPosition
                    ? DateTimeOffset.FromUnixTimeMilliseconds(nowMs - (seenPos is { } p ? SnapshotJson.SecondsToMilliseconds(p) : seenMs))
                    : null,
                Latitude = lat,
                Longitude = lon,
                SourceType = type ?? (latFromMlat ? "mlat" : null),
                Callsign = callsign,
                BarometricAltitudeFeet = baro is { } b ? SnapshotJson.RoundToInt(b) : null,
                GeometricAltitudeFeet = altGeom is { } g ? SnapshotJson.RoundToInt(g) : null,
                OnGround = onGround,
                GroundSpeedKnots = gs ?? speedOld,
                TrackDegrees = track,
                VerticalRateFeetPerMinute = rate is { } r ? SnapshotJson.RoundToInt(r) : null,
                Squawk = squawk,
                Emergency = emergency,
                Spi = spi,
                Category = category,
                Registration = registration,
                TypeCode = typeCode,
                IsMilitary = dbFlags is { } flags ? (flags & 1) != 0 : null,
                Nic = hasPosition && nic is { } n ? (int)n : null,
                NacP = hasPosition && nacP is { } a ? (int)a : null,
                ContainmentRadiusMeters = hasPosition ? rc : null,
            };
        }

        private static bool TryAltitude(
            ref Utf8JsonReader reader,
            string field,
            bool allowGround,
            out double? feet,
            out bool ground,
            out EntryFault fault)
        {
            ground = false;
            if (allowGround && reader.TokenType == JsonTokenType.String)
            {
                feet = null;
                if (SnapshotJson.TextEquals(ref reader, "ground"u8))
                {
                    ground = true;
                    fault = default;
                    return true;
                }

                fault = new EntryFault(field, "expected a number or \"ground\", got another string");
                return false;
            }

            if (allowGround && reader.TokenType is not (JsonTokenType.Number or JsonTokenType.Null))
            {
                feet = null;
                fault = SnapshotJson.Expected(field, "a number or \"ground\"", reader.TokenType);
                return false;
            }

            return SnapshotJson.TryNumber(
                ref reader, field, SnapshotJson.MinAltitudeFeet, SnapshotJson.MaxAltitudeFeet, "feet", out feet, out fault);
        }

        private static bool TryRate(ref Utf8JsonReader reader, string field, out double? rate, out EntryFault fault) =>
            SnapshotJson.TryNumber(
                ref reader, field, -SnapshotJson.MaxAbsVerticalRate, SnapshotJson.MaxAbsVerticalRate, "ft/min", out rate, out fault);

        private static bool TryKnown(
            ref Utf8JsonReader reader,
            string field,
            KnownStrings known,
            bool keepUnknown,
            out string? value,
            out EntryFault fault)
        {
            if (reader.TokenType == JsonTokenType.String && SnapshotJson.MatchKnown(ref reader, known) is { } interned)
            {
                value = interned;
                fault = default;
                return true;
            }

            if (!SnapshotJson.TryText(ref reader, field, out value, out fault))
            {
                return false;
            }

            if (!keepUnknown)
            {
                value = null;
            }

            return true;
        }

        private static bool TryCategory(ref Utf8JsonReader reader, out string? value, out EntryFault fault)
        {
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan is [>= (byte)'A' and <= (byte)'D', >= (byte)'0' and <= (byte)'7'] code)
            {
                value = Categories[((code[0] - 'A') * 8) + (code[1] - '0')];
                fault = default;
                return true;
            }

            return SnapshotJson.TryText(ref reader, ".category", out value, out fault);
        }

        private static bool TryFlags(ref Utf8JsonReader reader, out long? flags, out EntryFault fault)
        {
            flags = null;
            fault = default;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return true;
                case JsonTokenType.Number when reader.TryGetInt64(out var value):
                    flags = value;
                    return true;
                case JsonTokenType.Number:
                    fault = new EntryFault(".dbFlags", "not an integer");
                    return false;
                default:
                    fault = SnapshotJson.Expected(".dbFlags", "an integer", reader.TokenType);
                    return false;
            }
        }

        /// <summary>readsb's <c>mlat</c>/<c>tisb</c>: the names of fields that came from that source.</summary>
        private static bool TryFieldList(ref Utf8JsonReader reader, string field, out bool hasLat, out EntryFault fault)
        {
            hasLat = false;
            fault = default;
            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                fault = SnapshotJson.Expected(field, "an array", reader.TokenType);
                return false;
            }

            // Elements other than strings are ignored: the list only ever matters for "lat".
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String && SnapshotJson.TextEquals(ref reader, "lat"u8))
                {
                    hasLat = true;
                }

                SnapshotJson.SkipContainer(ref reader);
            }

            return true;
        }
    }
}
