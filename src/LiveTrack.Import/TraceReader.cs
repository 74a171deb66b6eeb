using System.Globalization;
using System.Text.Json;
using LiveTrack.Adsb;
using LiveTrack.Ingestion;

namespace LiveTrack.Import;

/// <summary>
/// readsb / tar1090 globe-history traces (<c>trace_full_&lt;hex&gt;.json</c>, <c>trace_recent_&lt;hex&gt;.json</c>), read as a
/// stream: one bounded buffer, one row at a time, whatever the file's size.
/// </summary>
/// <remarks>
/// <para>
/// Layout, as readsb's <c>generateTraceJson</c> writes it: <c>{"icao":"3c66b0", "r":…, "t":…, "dbFlags":…,
/// "timestamp": 1732363200.123, "trace":[ row, … ]}</c>, and each row
/// <c>[seconds after timestamp, lat, lon, altitude ("ground", feet or null), ground speed, track, flags,
/// vertical rate, details object or null, source type, geometric altitude, geometric rate, IAS, roll]</c>.
/// Flags: bit 0 stale, bit 1 start of a new leg, bit 2 the rate is geometric, bit 3 the altitude is geometric.
/// The details object is an <c>aircraft.json</c> entry without <c>hex</c> (callsign, squawk, category, emergency …),
/// parsed by <see cref="ReadsbJsonParser.TryParseAircraft"/>. Rows of older readsb versions stop after fewer elements;
/// three (time, lat, lon) are the minimum.
/// </para>
/// <para>
/// Each row is one report stamped <c>timestamp + seconds</c>, computed in decimal so the recorded digits are kept
/// exactly (100 ns resolution); <see cref="AircraftReport.ReceivedAt"/> is the same instant. A row that is valid JSON
/// but not a valid point (too few elements, a value of the wrong type or out of range, broken details) is rejected
/// and the next row read. Invalid JSON or a file that ends early stops the file: rows before it are kept.
/// </para>
/// </remarks>
internal sealed class TraceReader : IRecordReader
{
    private const int InitialBufferBytes = 64 * 1024;
    private const int MaxValueBytes = 16 * 1024 * 1024;
    private const double MinAltitudeFeet = -2000;
    private const double MaxAltitudeFeet = 200_000;
    private const double MaxAbsVerticalRate = 100_000;

    private static readonly string[] ElementNames =
    [
        "time", "latitude", "longitude", "altitude", "ground speed", "track", "flags", "vertical rate", "details",
        "source type", "geometric altitude", "geometric rate", "indicated airspeed", "roll",
    ];

    private static readonly string[] RejectReasons = [.. ElementNames.Select(n => $"trace row: {n}")];

    /// <summary>readsb's <c>addrtype</c> names, matched without allocating.</summary>
    private static readonly string[] KnownSourceTypes =
    [
        "adsb_icao", "adsb_icao_nt", "adsr_icao", "tisb_icao", "adsc", "mlat", "other", "mode_s", "adsb_other",
        "adsr_other", "tisb_trackfile", "tisb_other", "mode_ac", "unknown",
    ];

    private static readonly byte[][] KnownSourceTypesUtf8 = [.. KnownSourceTypes.Select(System.Text.Encoding.UTF8.GetBytes)];

    public async Task ReadAsync(Stream content, ImportSession session)
    {
        var buffer = new byte[InitialBufferBytes];
        var filled = 0;
        var final = false;
        var parser = new Parser(session);
        var needInput = true;
        while (true)
        {
            if (needInput && !final)
            {
                var read = await content.ReadAsync(buffer.AsMemory(filled), session.CancellationToken);
                if (read == 0)
                {
                    final = true;
                }

                filled += read;
            }

            var consumed = parser.Parse(buffer.AsSpan(0, filled), final, out needInput);
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            await session.FlushIfFullAsync();
            if (parser.Done)
            {
                return;
            }

            if (!needInput)
            {
                continue; // paused for a full batch: parse on before reading more
            }

            if (final)
            {
                throw new ImportFileException("truncated JSON", "the trace document ends early");
            }

            if (filled == buffer.Length)
            {
                // One value (a row, or a top-level property) does not fit: grow, within reason.
                if (buffer.Length >= MaxValueBytes)
                {
                    throw new ImportFileException("value too large", $"a single JSON value is larger than {MaxValueBytes} bytes");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private enum Phase
    {
        Start,
        Properties,
        Rows,
        End,
    }

    /// <summary>The synchronous half: parses what is buffered, remembering where the last whole value ended.</summary>
    private sealed class Parser(ImportSession session)
    {
        private JsonReaderState state = new(new JsonReaderOptions { MaxDepth = 64 });
        private Phase phase = Phase.Start;
        private string? icao;
        private long? baseTicks;
        private string? registration;
        private string? typeCode;
        private bool? military;
        private long row;

        public bool Done { get; private set; }

        /// <summary>
        /// Parses as far as whole values go, or until the batch is full; returns the bytes consumed and whether it
        /// stopped for want of input.
        /// </summary>
        public int Parse(ReadOnlySpan<byte> data, bool final, out bool needInput)
        {
            var reader = new Utf8JsonReader(data, final, state);
            var committed = 0;
            var committedState = state;
            needInput = false;
            try
            {
                while (!Done && !session.BatchFull)
                {
                    if (!Step(ref reader, data, final))
                    {
                        needInput = !Done;
                        break;
                    }

                    committed = checked((int)reader.BytesConsumed);
                    committedState = reader.CurrentState;
                }
            }
            catch (JsonException ex)
            {
                throw new ImportFileException(final ? "invalid or truncated JSON" : "invalid JSON", $"not valid JSON at trace row {row}: {ex.Message}");
            }

            state = committedState;
            return committed;
        }

        /// <summary>One whole value further; false when more input is needed.</summary>
        private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, bool final)
        {
            switch (phase)
            {
                case Phase.Start:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new ImportFileException("not a trace", $"top level: expected an object, got {reader.TokenType}");
                    }

                    phase = Phase.Properties;
                    return true;

                case Phase.Properties:
                    return Property(ref reader);

                case Phase.Rows:
                    return Row(ref reader, data);

                default:
                    if (reader.Read())
                    {
                        throw new ImportFileException("invalid JSON", "unexpected content after the trace document");
                    }

                    Done = final;
                    return false;
            }
        }

        private bool Property(ref Utf8JsonReader reader)
        {
            var probe = reader;
            if (!probe.Read())
            {
                return false;
            }

            if (probe.TokenType == JsonTokenType.EndObject)
            {
                reader = probe;
                phase = Phase.End;
                return true;
            }

            var name = probe.ValueTextEquals("trace"u8) ? "trace"
                : probe.ValueTextEquals("icao"u8) ? "icao"
                : probe.ValueTextEquals("timestamp"u8) ? "timestamp"
                : probe.ValueTextEquals("r"u8) ? "r"
                : probe.ValueTextEquals("t"u8) ? "t"
                : probe.ValueTextEquals("dbFlags"u8) ? "dbFlags"
                : null;
            if (!probe.Read())
            {
                return false;
            }

            if (name == "trace" && probe.TokenType == JsonTokenType.StartArray)
            {
                if (icao is null || baseTicks is null)
                {
                    throw new ImportFileException("not a trace", $"'{(icao is null ? "icao" : "timestamp")}' must come before 'trace'");
                }

                reader = probe;
                phase = Phase.Rows;
                return true;
            }

            var value = probe;
            if (!probe.TrySkip())
            {
                return false;
            }

            switch (name)
            {
                case "trace" when value.TokenType != JsonTokenType.Null:
                    throw new ImportFileException("not a trace", $"trace: expected an array, got {value.TokenType}");
                case "icao":
                    icao = value.TokenType == JsonTokenType.String && IcaoAddress.TryNormalize(value.ValueSpan, out var address)
                        ? address
                        : throw new ImportFileException("not a trace", "icao: not a 6-digit hex ICAO address");
                    break;
                case "timestamp":
                    baseTicks = value.TokenType == JsonTokenType.Number && TrySecondsToTicks(ref value, out var ticks)
                        ? ticks
                        : throw new ImportFileException("not a trace", "timestamp: not a time in Unix seconds");
                    break;
                case "r":
                    registration = value.TokenType == JsonTokenType.String ? value.GetString() : null;
                    break;
                case "t":
                    typeCode = value.TokenType == JsonTokenType.String ? value.GetString() : null;
                    break;
                case "dbFlags":
                    military = value.TokenType == JsonTokenType.Number && value.TryGetInt64(out var flags) ? (flags & 1) != 0 : null;
                    break;
            }

            reader = probe;
            return true;
        }

        private bool Row(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            var probe = reader;
            if (!probe.Read())
            {
                return false;
            }

            if (probe.TokenType == JsonTokenType.EndArray)
            {
                reader = probe;
                phase = Phase.Properties;
                return true;
            }

            var start = probe;
            if (!probe.TrySkip())
            {
                return false;
            }

            // The whole row is buffered: parse it from its start, then continue after it.
            session.Record();
            ParseRow(ref start, data, row);
            row++;
            reader = probe;
            return true;
        }

        private void ParseRow(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, long index)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Reject("trace row: not an array", index, $"expected an array, got {reader.TokenType}");
                return;
            }

            var point = default(Point);
            var element = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (element < ElementNames.Length && !point.TryRead(ref reader, element, data, out var problem))
                {
                    Reject(RejectReasons[element], index, $"[{element}] ({ElementNames[element]}): {problem}");
                    return;
                }

                reader.TrySkip(); // the whole row is buffered: this always succeeds
                element++;
            }

            if (element < 3)
            {
                Reject("trace row: too few elements", index, $"{element} elements; time, latitude and longitude are required");
                return;
            }

            if (point.Latitude is not { } latitude || point.Longitude is not { } longitude)
            {
                Reject(point.Latitude is null ? RejectReasons[1] : RejectReasons[2], index, "[1]/[2] (position): missing");
                return;
            }

            var ticks = baseTicks!.Value + point.OffsetTicks;
            if (ticks is < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks - DateTime.UnixEpoch.Ticks)
            {
                Reject(RejectReasons[0], index, "[0] (time): outside the representable range");
                return;
            }

            var time = new DateTimeOffset(DateTime.UnixEpoch.Ticks + ticks, TimeSpan.Zero);
            AircraftObservation? details = null;
            if (point.DetailsLength > 0)
            {
                var json = data.Slice(point.DetailsStart, point.DetailsLength);
                if (!ReadsbJsonParser.TryParseAircraft(json, time, icao, out details, out var error))
                {
                    Reject(RejectReasons[8], index, $"[8] (details){error}");
                    return;
                }
            }

            var geometricAltitude = point.AltitudeIsGeometric ? point.Altitude : point.GeometricAltitude ?? details?.GeometricAltitudeFeet;
            var observation = (details ?? new AircraftObservation { Icao = icao!, Time = time }) with
            {
                Time = time,
                PositionTime = time,
                Latitude = latitude,
                Longitude = longitude,
                SourceType = point.SourceType ?? details?.SourceType,
                BarometricAltitudeFeet = point.AltitudeIsGeometric ? null : point.Altitude,
                GeometricAltitudeFeet = geometricAltitude,
                OnGround = point.Ground ? true : point.Altitude.HasValue ? false : details?.OnGround,
                GroundSpeedKnots = point.GroundSpeed,
                TrackDegrees = point.Track ?? details?.TrackDegrees,
                VerticalRateFeetPerMinute = point.VerticalRate ?? details?.VerticalRateFeetPerMinute,
                Registration = registration,
                TypeCode = typeCode,
                IsMilitary = military,
            };

            foreach (var report in ObservationReports.ToReports(observation, session.Options.Feed, time))
            {
                session.Add(report);
            }

            session.Accepted();
        }

        private void Reject(string reason, long index, string detail) =>
            session.Reject(reason, string.Create(CultureInfo.InvariantCulture, $"trace[{index}]"), detail);
    }

    /// <summary>Seconds (Unix or relative) as written, to 100 ns ticks without binary rounding.</summary>
    private static bool TrySecondsToTicks(ref Utf8JsonReader reader, out long ticks)
    {
        ticks = 0;
        if (reader.TryGetDecimal(out var seconds))
        {
            var scaled = decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
            if (scaled is < long.MinValue or > long.MaxValue)
            {
                return false;
            }

            ticks = (long)scaled;
            return true;
        }

        return false;
    }

    /// <summary>The elements of one trace row as read.</summary>
    private struct Point
    {
        public long OffsetTicks;
        public double? Latitude;
        public double? Longitude;
        public int? Altitude;
        public bool Ground;
        public double? GroundSpeed;
        public double? Track;
        public int Flags;
        public int? VerticalRate;
        public int DetailsStart;
        public int DetailsLength;
        public string? SourceType;
        public int? GeometricAltitude;

        public readonly bool AltitudeIsGeometric => (Flags & 8) != 0;

        public bool TryRead(ref Utf8JsonReader reader, int element, ReadOnlySpan<byte> data, out string? problem)
        {
            problem = null;
            switch (element)
            {
                case 0:
                    if (reader.TokenType != JsonTokenType.Number || !TrySecondsToTicks(ref reader, out OffsetTicks))
                    {
                        problem = reader.TokenType == JsonTokenType.Number ? "not a number of seconds" : $"expected a number, got {reader.TokenType}";
                        return false;
                    }

                    return true;
                case 1:
                    return TryNumber(ref reader, -90, 90, "degrees", out Latitude, out problem);
                case 2:
                    return TryNumber(ref reader, -180, 180, "degrees", out Longitude, out problem);
                case 3:
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        Ground = reader.ValueTextEquals("ground"u8);
                        problem = Ground ? null : "expected a number or \"ground\", got another string";
                        return Ground;
                    }

                    return TryInteger(ref reader, MinAltitudeFeet, MaxAltitudeFeet, "feet", out Altitude, out problem);
                case 4:
                    return TryNumber(ref reader, 0, double.MaxValue, "knots", out GroundSpeed, out problem);
                case 5:
                    return TryNumber(ref reader, 0, 360, "degrees", out Track, out problem);
                case 6:
                    if (!TryInteger(ref reader, 0, int.MaxValue, "flags", out var flags, out problem))
                    {
                        return false;
                    }

                    Flags = flags ?? 0;
                    return true;
                case 7:
                    return TryInteger(ref reader, -MaxAbsVerticalRate, MaxAbsVerticalRate, "ft/min", out VerticalRate, out problem);
                case 8:
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        DetailsStart = checked((int)reader.TokenStartIndex);
                        var end = reader;
                        end.TrySkip();
                        DetailsLength = checked((int)end.BytesConsumed) - DetailsStart;
                        return true;
                    }

                    problem = reader.TokenType == JsonTokenType.Null ? null : $"expected an object or null, got {reader.TokenType}";
                    return problem is null;
                case 9:
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        SourceType = SourceTypeOf(ref reader);
                        return true;
                    }

                    problem = reader.TokenType == JsonTokenType.Null ? null : $"expected a string or null, got {reader.TokenType}";
                    return problem is null;
                case 10:
                    return TryInteger(ref reader, MinAltitudeFeet, MaxAltitudeFeet, "feet", out GeometricAltitude, out problem);
                case 11:
                    return TryInteger(ref reader, -MaxAbsVerticalRate, MaxAbsVerticalRate, "ft/min", out _, out problem);
                default:
                    // IAS and roll: checked for type only, AircraftReport has no field for them.
                    return TryNumber(ref reader, double.MinValue, double.MaxValue, string.Empty, out _, out problem);
            }
        }

        private static string SourceTypeOf(ref Utf8JsonReader reader)
        {
            for (var i = 0; i < KnownSourceTypes.Length; i++)
            {
                if (reader.ValueTextEquals(KnownSourceTypesUtf8[i]))
                {
                    return KnownSourceTypes[i];
                }
            }

            return reader.GetString() ?? "unknown";
        }

        private static bool TryNumber(ref Utf8JsonReader reader, double min, double max, string unit, out double? value, out string? problem)
        {
            value = null;
            problem = null;
            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                problem = reader.TokenType == JsonTokenType.Number ? "not a finite number" : $"expected a number, got {reader.TokenType}";
                return false;
            }

            if (number < min || number > max)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"{number} is outside [{min}, {max}] {unit}");
                return false;
            }

            value = number;
            return true;
        }

        private static bool TryInteger(ref Utf8JsonReader reader, double min, double max, string unit, out int? value, out string? problem)
        {
            value = null;
            if (!TryNumber(ref reader, min, max, unit, out var number, out problem))
            {
                return false;
            }

            if (number is { } n)
            {
                value = (int)Math.Round(n, MidpointRounding.AwayFromZero);
            }

            return true;
        }
    }
}
