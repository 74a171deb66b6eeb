using System.Buffers.Text;
using System.Globalization;
using System.Text;
using LiveTrack.Adsb;
using LiveTrack.Ingestion;

namespace LiveTrack.Import;

/// <summary>
/// OpenSky state vectors as CSV with the historical database's (Trino, <c>state_vectors_data4</c>) columns, found by
/// name in the header line: <c>time, icao24, lat, lon, velocity, heading, vertrate, callsign, onground, alert, spi,
/// squawk, baroaltitude, geoaltitude, lastposupdate, lastcontact</c> (others, such as <c>hour</c> or <c>serials</c>,
/// are ignored; fields may be quoted).
/// </summary>
/// <remarks>
/// Units as in <see cref="OpenSkyStatesParser"/>: metres → feet, m/s → knots, vertical m/s → ft/min. A row becomes
/// an observation like a REST state vector: its fields are stamped <c>lastcontact</c> (else <c>time</c>), its position
/// <c>lastposupdate</c> (else that time), and <see cref="AircraftReport.ReceivedAt"/> is the row's <c>time</c> (when
/// OpenSky sampled the state). The database repeats an unchanged state every 10 s: as for snapshots, a position is
/// reported again only when <c>lastposupdate</c> changed. Empty, <c>null</c>, <c>NULL</c>, <c>\N</c> and <c>NaN</c>
/// mean absent. <c>time</c> and <c>icao24</c> are required; limits as for the JSON feeds.
/// </remarks>
internal sealed class OpenSkyCsvReader(SnapshotDeduplicator deduplicator) : IRecordReader
{
    private const int MaxColumns = 64;
    private const double MinAltitudeFeet = -2000;
    private const double MaxAltitudeFeet = 200_000;
    private const double MaxAbsVerticalRate = 100_000;

    /// <summary>The latest Unix second a <see cref="DateTimeOffset"/> holds.</summary>
    private const double MaxUnixSeconds = 253_402_300_799;

    private static readonly string[] Columns =
    [
        "time", "icao24", "lat", "lon", "velocity", "heading", "vertrate", "callsign", "onground", "alert", "spi",
        "squawk", "baroaltitude", "geoaltitude", "lastposupdate", "lastcontact",
    ];

    private static readonly string?[] SquawkCache = new string?[8 * 8 * 8 * 8];

    private readonly int[] columnOf = new int[Columns.Length];
    private int headerColumns;

    public async Task ReadAsync(Stream content, ImportSession session)
    {
        var lines = new LineReader(content);
        long lineNumber = 0;
        var header = false;
        do
        {
            while (ReadLines(lines, session, ref lineNumber, ref header))
            {
                await session.FlushAsync();
            }

            await session.FlushIfFullAsync();
        }
        while (await lines.FillAsync(session.CancellationToken));
        if (lines.TryReadRest(out _) is not LineKind.None)
        {
            lineNumber++;
            session.Record();
            session.Reject("last line not terminated (file cut short?)", Line(lineNumber), "no line feed at the end of the file");
        }

        if (!header)
        {
            throw new ImportFileException("not OpenSky CSV", "no header line with the column names");
        }
    }

    /// <summary>Reads buffered lines; true when it stopped because the batch is full.</summary>
    private bool ReadLines(LineReader lines, ImportSession session, ref long lineNumber, ref bool header)
    {
        Span<Range> fields = stackalloc Range[MaxColumns];
        LineKind kind;
        while (!session.BatchFull && (kind = lines.TryReadLine(out var line)) != LineKind.None)
        {
            lineNumber++;
            if (!header)
            {
                if (kind == LineKind.Line && !line.Trim(" \t"u8).IsEmpty)
                {
                    ReadHeader(line, fields);
                    header = true;
                }

                continue;
            }

            session.Record();
            if (kind == LineKind.TooLong)
            {
                session.Reject("line too long", Line(lineNumber), $"longer than {lines.MaxLineBytes} bytes");
                continue;
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                session.Skip("blank line", Line(lineNumber), "blank");
                continue;
            }

            var count = Split(line, fields);
            if (count < headerColumns)
            {
                session.Reject("CSV row: too few columns", Line(lineNumber), $"{count} columns, the header has {headerColumns}");
                continue;
            }

            if (!TryRow(line, fields, out var observation, out var receivedAt, out var alert, out var column, out var problem))
            {
                session.Reject($"CSV row: {column}", Line(lineNumber), $"{column}: {problem}");
                continue;
            }

            var (position, changed) = deduplicator.Changes(observation);
            var reports = 0;
            foreach (var report in ObservationReports.ToReports(observation, session.Options.Feed, receivedAt, position, changed))
            {
                session.Add(alert is { } flag && report.Timestamp == observation.Time ? report with { Alert = flag } : report);
                reports++;
            }

            if (reports == 0)
            {
                session.Skip("unchanged since the previous state vector", Line(lineNumber), $"{observation.Icao} as of {observation.Time:O}");
                continue;
            }

            session.Accepted();
        }

        return session.BatchFull;
    }

    private void ReadHeader(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = Split(line, fields);
        Array.Fill(columnOf, -1);
        for (var i = 0; i < count; i++)
        {
            var name = Encoding.ASCII.GetString(Unquote(line[fields[i]])).Trim();
            var known = Array.FindIndex(Columns, c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known >= 0 && columnOf[known] < 0)
            {
                columnOf[known] = i;
            }
        }

        if (columnOf[0] < 0 || columnOf[1] < 0)
        {
            throw new ImportFileException("not OpenSky CSV", "the header has no 'time' and 'icao24' columns");
        }

        headerColumns = columnOf.Max() + 1;
    }

    private bool TryRow(
        ReadOnlySpan<byte> line,
        ReadOnlySpan<Range> fields,
        out AircraftObservation observation,
        out DateTimeOffset receivedAt,
        out bool? alert,
        out string column,
        out string? problem)
    {
        observation = null!;
        receivedAt = default;
        alert = null;
        column = Columns[1];
        var text = Field(line, fields, 1);
        if (!IcaoAddress.TryNormalize(text, out var icao))
        {
            problem = text.IsEmpty ? "missing" : "not a 6-digit hex ICAO address";
            return false;
        }

        if (!TryNumber(line, fields, 0, 0, MaxUnixSeconds, out var time, out column, out problem) || time is null)
        {
            column = Columns[0];
            problem ??= "missing";
            return false;
        }

        if (!TryNumber(line, fields, 2, -90, 90, out var lat, out column, out problem) ||
            !TryNumber(line, fields, 3, -180, 180, out var lon, out column, out problem) ||
            !TryNumber(line, fields, 4, 0, double.MaxValue, out var velocity, out column, out problem) ||
            !TryNumber(line, fields, 5, 0, 360, out var heading, out column, out problem) ||
            !TryNumber(line, fields, 6, double.MinValue, double.MaxValue, out var vertRate, out column, out problem) ||
            !TryFlag(line, fields, 8, out var onGround, out column, out problem) ||
            !TryFlag(line, fields, 9, out alert, out column, out problem) ||
            !TryFlag(line, fields, 10, out var spi, out column, out problem) ||
            !TryNumber(line, fields, 12, double.MinValue, double.MaxValue, out var baro, out column, out problem) ||
            !TryNumber(line, fields, 13, double.MinValue, double.MaxValue, out var geo, out column, out problem) ||
            !TryNumber(line, fields, 14, 0, MaxUnixSeconds, out var lastPosition, out column, out problem) ||
            !TryNumber(line, fields, 15, 0, MaxUnixSeconds, out var lastContact, out column, out problem))
        {
            return false;
        }

        if (lat.HasValue != lon.HasValue)
        {
            column = lat.HasValue ? Columns[3] : Columns[2];
            problem = "missing while the other coordinate is present";
            return false;
        }

        if (!TryConvert(baro, OpenSkyStatesParser.FeetPerMetre, MinAltitudeFeet, MaxAltitudeFeet, 12, "feet", out var baroFeet, out column, out problem) ||
            !TryConvert(geo, OpenSkyStatesParser.FeetPerMetre, MinAltitudeFeet, MaxAltitudeFeet, 13, "feet", out var geoFeet, out column, out problem) ||
            !TryConvert(vertRate, OpenSkyStatesParser.FeetPerMinutePerMetrePerSecond, -MaxAbsVerticalRate, MaxAbsVerticalRate, 6, "ft/min", out var rate, out column, out problem))
        {
            return false;
        }

        receivedAt = Seconds(time.Value);
        var contact = lastContact is { } c ? Seconds(c) : receivedAt;
        var callsign = Field(line, fields, 7).Trim(" "u8);
        observation = new AircraftObservation
        {
            Icao = icao,
            Time = contact,
            PositionTime = lat.HasValue ? lastPosition is { } p ? Seconds(p) : contact : null,
            Latitude = lat,
            Longitude = lon,
            Callsign = callsign.IsEmpty || IsNull(callsign) ? null : Encoding.ASCII.GetString(callsign),
            BarometricAltitudeFeet = baroFeet,
            GeometricAltitudeFeet = geoFeet,
            OnGround = onGround,
            GroundSpeedKnots = velocity * OpenSkyStatesParser.KnotsPerMetrePerSecond,
            TrackDegrees = heading,
            VerticalRateFeetPerMinute = rate,
            Squawk = Squawk(Field(line, fields, 11)),
            Spi = spi,
        };
        column = string.Empty;
        problem = null;
        return true;
    }

    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, ReadOnlySpan<Range> fields, int column) =>
        columnOf[column] < 0 ? default : Unquote(line[fields[columnOf[column]]]).Trim(" \t"u8);

    private bool TryNumber(
        ReadOnlySpan<byte> line,
        ReadOnlySpan<Range> fields,
        int index,
        double min,
        double max,
        out double? value,
        out string column,
        out string? problem)
    {
        value = null;
        column = Columns[index];
        problem = null;
        var text = Field(line, fields, index);
        if (text.IsEmpty || IsNull(text))
        {
            return true;
        }

        if (!Utf8Parser.TryParse(text, out double number, out var consumed) || consumed != text.Length)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                problem = $"'{Quote(text)}' is not a number";
                return false;
            }
        }

        if (double.IsNaN(number))
        {
            return true;
        }

        if (!double.IsFinite(number) || number < min || number > max)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"'{Quote(text)}' is outside [{min}, {max}]");
            return false;
        }

        value = number;
        return true;
    }

    private bool TryFlag(ReadOnlySpan<byte> line, ReadOnlySpan<Range> fields, int index, out bool? flag, out string column, out string? problem)
    {
        flag = null;
        column = Columns[index];
        problem = null;
        var text = Field(line, fields, index);
        if (text.IsEmpty || IsNull(text))
        {
            return true;
        }

        if (text.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(text, "true"u8) || Ascii.EqualsIgnoreCase(text, "t"u8))
        {
            flag = true;
            return true;
        }

        if (text.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(text, "false"u8) || Ascii.EqualsIgnoreCase(text, "f"u8))
        {
            flag = false;
            return true;
        }

        problem = $"'{Quote(text)}' is not true or false";
        return false;
    }

    private static bool TryConvert(
        double? value,
        double factor,
        double min,
        double max,
        int index,
        string unit,
        out int? converted,
        out string column,
        out string? problem)
    {
        converted = null;
        column = Columns[index];
        problem = null;
        if (value is not { } v)
        {
            return true;
        }

        var result = Math.Round(v * factor, MidpointRounding.AwayFromZero);
        if (!double.IsFinite(result) || result < min || result > max)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{v} is {result} {unit}, outside [{min}, {max}] {unit}");
            return false;
        }

        converted = (int)result;
        return true;
    }

    private static DateTimeOffset Seconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));

    private static string? Squawk(ReadOnlySpan<byte> text)
    {
        if (text.Length != 4)
        {
            return null;
        }

        var code = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'7')
            {
                return null;
            }

            code = (code << 3) | (b - '0');
        }

        return SquawkCache[code] ??= Encoding.ASCII.GetString(text);
    }

    private static bool IsNull(ReadOnlySpan<byte> text) =>
        Ascii.EqualsIgnoreCase(text, "null"u8) || text.SequenceEqual("\\N"u8) || Ascii.EqualsIgnoreCase(text, "nan"u8) ||
        Ascii.EqualsIgnoreCase(text, "none"u8);

    private static string Quote(ReadOnlySpan<byte> text) =>
        Encoding.ASCII.GetString(text.Length <= 32 ? text : text[..32]);

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> field)
    {
        var trimmed = field.Trim(" \t"u8);
        return trimmed.Length >= 2 && trimmed[0] == (byte)'"' && trimmed[^1] == (byte)'"' ? trimmed[1..^1] : trimmed;
    }

    /// <summary>Splits at commas outside double quotes (a quoted <c>serials</c> list keeps its commas).</summary>
    private static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        var quoted = false;
        for (var i = 0; i < line.Length && count < fields.Length; i++)
        {
            var b = line[i];
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (b == (byte)',' && !quoted)
            {
                fields[count++] = new Range(start, i);
                start = i + 1;
            }
        }

        if (count < fields.Length)
        {
            fields[count++] = new Range(start, line.Length);
        }

        return count;
    }

    private static string Line(long number) => string.Create(CultureInfo.InvariantCulture, $"line {number}");
}
