using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace LiveTrack.Adsb;

/// <summary>
/// Parser for SBS-1 (BaseStation) CSV lines as served by readsb/dump1090 on TCP port 30003.
/// </summary>
/// <remarks>
/// <para>
/// Fields by 1-based position: 1 message type, 2 transmission type, 3 session id, 4 aircraft id, 5 hex ident,
/// 6 flight id, 7–8 date/time generated, 9–10 date/time logged, 11 callsign, 12 altitude, 13 ground speed,
/// 14 track, 15 latitude, 16 longitude, 17 vertical rate, 18 squawk, 19 alert, 20 emergency, 21 SPI, 22 on ground.
/// Fields 3, 4 and 6 are not interpreted.
/// </para>
/// <para>
/// The format is ASCII: any control character or non-ASCII byte anywhere in the line (after the trailing CR/LF
/// has been removed) makes it <see cref="SbsParseStatus.Malformed"/>. Fields beyond the 22nd are ignored, and a
/// line may stop early as long as fields 1–5 are present. Apart from the returned ICAO, callsign and squawk
/// strings (ICAO and squawk are interned) and the error text, parsing does not allocate.
/// </para>
/// </remarks>
public static class SbsParser
{
    /// <summary>Longest accepted line, in UTF-8 bytes, not counting the trailing CR/LF.</summary>
    public const int MaxLineLength = 1024;

    private const int FieldCount = 22;
    private const int MaxQuotedLength = 32;

    /// <summary>An ADS-B identification carries at most 8 characters.</summary>
    private const int MaxCallsignLength = 8;
    private const int MinAltitudeFeet = -2000;
    private const int MaxAltitudeFeet = 200_000;
    private const int MaxAbsVerticalRate = 100_000;

    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite |
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static readonly string[] FieldNames =
    [
        "message type", "transmission type", "session id", "aircraft id", "hex ident", "flight id",
        "date generated", "time generated", "date logged", "time logged", "callsign", "altitude",
        "ground speed", "track", "latitude", "longitude", "vertical rate", "squawk", "alert", "emergency",
        "spi", "is on ground",
    ];

    /// <summary>10^0 … 10^15, each exact in a double.</summary>
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    private static readonly string?[] SquawkCache = new string?[8 * 8 * 8 * 8];

    /// <summary>Parses one SBS line given as UTF-16 text. The line is transcoded to UTF-8 and parsed as bytes.</summary>
    /// <param name="line">The line, with or without its CR/LF terminator.</param>
    /// <param name="message">The parsed message when the result is <see cref="SbsParseStatus.Message"/>; otherwise default.</param>
    /// <param name="error">Why the line is malformed, naming the field; <see langword="null"/> otherwise.</param>
    /// <returns>Whether the line held a message, was skipped, or was malformed.</returns>
    public static SbsParseStatus TryParse(ReadOnlySpan<char> line, out SbsMessage message, out string? error)
    {
        line = line.TrimEnd("\r\n");
        if (line.Length > MaxLineLength)
        {
            // Every char is at least one UTF-8 byte, so the encoded line is too long as well.
            message = default;
            error = LineTooLong;
            return SbsParseStatus.Malformed;
        }

        // Lone surrogates become U+FFFD, whose non-ASCII bytes the byte parser then reports with their field.
        Span<byte> utf8 = stackalloc byte[MaxLineLength * 3];
        Utf8.FromUtf16(line, utf8, out _, out var written, replaceInvalidSequences: true);
        return TryParse(utf8[..written], out message, out error);
    }

    /// <summary>Parses one SBS line given as UTF-8 bytes.</summary>
    /// <param name="utf8Line">The line, with or without its CR/LF terminator.</param>
    /// <param name="message">The parsed message when the result is <see cref="SbsParseStatus.Message"/>; otherwise default.</param>
    /// <param name="error">Why the line is malformed, naming the field; <see langword="null"/> otherwise.</param>
    /// <returns>Whether the line held a message, was skipped, or was malformed.</returns>
    public static SbsParseStatus TryParse(ReadOnlySpan<byte> utf8Line, out SbsMessage message, out string? error)
    {
        message = default;
        var line = TrimLineTerminators(utf8Line);
        if (line.Length > MaxLineLength)
        {
            error = LineTooLong;
            return SbsParseStatus.Malformed;
        }

        if (IsBlank(line))
        {
            error = "line is empty";
            return SbsParseStatus.Malformed;
        }

        Span<Range> ranges = stackalloc Range[FieldCount];
        if (!TrySplit(line, ranges, out var count, out error))
        {
            return SbsParseStatus.Malformed;
        }

        var fields = new Fields(line, ranges, count);

        var kind = fields[1];
        bool isMlat;
        if (kind.SequenceEqual("MSG"u8))
        {
            isMlat = false;
        }
        else if (kind.SequenceEqual("MLAT"u8))
        {
            isMlat = true;
        }
        else if (kind.SequenceEqual("SEL"u8) || kind.SequenceEqual("ID"u8) || kind.SequenceEqual("AIR"u8) ||
                 kind.SequenceEqual("STA"u8) || kind.SequenceEqual("CLK"u8))
        {
            error = null;
            return SbsParseStatus.Skipped;
        }
        else
        {
            error = $"{Describe(1)}: '{Quote(kind)}' is not a known SBS message type";
            return SbsParseStatus.Malformed;
        }

        var typeText = fields[2];
        if (typeText.IsEmpty)
        {
            error = Missing(2);
            return SbsParseStatus.Malformed;
        }

        if (typeText.Length != 1 || typeText[0] is < (byte)'1' or > (byte)'8')
        {
            error = $"{Describe(2)}: '{Quote(typeText)}' is not a transmission type between 1 and 8";
            return SbsParseStatus.Malformed;
        }

        var type = (SbsTransmissionType)(typeText[0] - '0');

        var icaoText = fields[5];
        if (icaoText.IsEmpty)
        {
            error = Missing(5);
            return SbsParseStatus.Malformed;
        }

        if (!IcaoAddress.TryNormalize(icaoText, out var icao))
        {
            error = $"{Describe(5)}: '{Quote(icaoText)}' is not a 6-digit hex ICAO address";
            return SbsParseStatus.Malformed;
        }

        if (!TryParseTimestamp(fields, 7, out var generatedAt, out error) ||
            !TryParseTimestamp(fields, 9, out var loggedAt, out error))
        {
            return SbsParseStatus.Malformed;
        }

        var callsignText = fields[11];
        if (callsignText.Length > MaxCallsignLength)
        {
            error = $"{Describe(11)}: '{Quote(callsignText)}' is longer than {MaxCallsignLength} characters";
            return SbsParseStatus.Malformed;
        }

        var callsign = callsignText.IsEmpty ? null : Encoding.ASCII.GetString(callsignText);

        if (!TryParseNumber(fields, 12, MinAltitudeFeet, MaxAltitudeFeet, "feet", out var altitude, out error) ||
            !TryParseNumber(fields, 13, 0, double.PositiveInfinity, "knots", out var groundSpeed, out error) ||
            !TryParseNumber(fields, 14, 0, 360, "degrees", out var track, out error) ||
            !TryParseNumber(fields, 15, -90, 90, "degrees", out var latitude, out error) ||
            !TryParseNumber(fields, 16, -180, 180, "degrees", out var longitude, out error) ||
            !TryParseNumber(fields, 17, -MaxAbsVerticalRate, MaxAbsVerticalRate, "ft/min", out var verticalRate, out error))
        {
            return SbsParseStatus.Malformed;
        }

        if (latitude.HasValue != longitude.HasValue)
        {
            error = latitude.HasValue
                ? $"{Describe(16)}: missing while {Describe(15)} is present"
                : $"{Describe(15)}: missing while {Describe(16)} is present";
            return SbsParseStatus.Malformed;
        }

        if (!TryParseSquawk(fields, out var squawk, out error) ||
            !TryParseFlag(fields, 19, out var alert, out error) ||
            !TryParseFlag(fields, 20, out var emergency, out error) ||
            !TryParseFlag(fields, 21, out var spi, out error) ||
            !TryParseFlag(fields, 22, out var onGround, out error))
        {
            return SbsParseStatus.Malformed;
        }

        message = new SbsMessage(
            type,
            icao,
            isMlat,
            generatedAt,
            loggedAt,
            callsign,
            altitude.HasValue ? RoundToInt(altitude.Value) : null,
            groundSpeed,
            track,
            latitude,
            longitude,
            verticalRate.HasValue ? RoundToInt(verticalRate.Value) : null,
            squawk,
            alert,
            emergency,
            spi,
            onGround);
        error = null;
        return SbsParseStatus.Message;
    }

    private static string LineTooLong => $"line longer than {MaxLineLength} bytes";

    private static ReadOnlySpan<byte> TrimLineTerminators(ReadOnlySpan<byte> line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        return line[..end];
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (>= 0x09 and <= 0x0D)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits the line at commas into at most <see cref="FieldCount"/> ranges and rejects any byte that is not
    /// printable ASCII, wherever it is (both searches vectorised).
    /// </summary>
    private static bool TrySplit(ReadOnlySpan<byte> line, Span<Range> ranges, out int count, out string? error)
    {
        var bad = line.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
        if (bad >= 0)
        {
            count = 0;
            error = $"{Describe(line[..bad].Count((byte)',') + 1)}: contains byte 0x{line[bad]:X2}, which is not printable ASCII";
            return false;
        }

        count = SplitAtCommas(line, ranges);
        error = null;
        return true;
    }

    /// <summary>
    /// Fills <paramref name="ranges"/> with the fields between commas, stopping when it is full (the rest of the line
    /// is ignored); returns the number of fields. Sixteen bytes at a time: one compare gives a bit per comma.
    /// </summary>
    private static int SplitAtCommas(ReadOnlySpan<byte> line, Span<Range> ranges)
    {
        var field = 0;
        var start = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(line);
            var commas = Vector128.Create((byte)',');
            for (; i + Vector128<byte>.Count <= line.Length; i += Vector128<byte>.Count)
            {
                var mask = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), commas).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    ranges[field++] = new Range(start, at);
                    if (field == ranges.Length)
                    {
                        return field;
                    }

                    start = at + 1;
                    mask &= mask - 1;
                }
            }
        }

        for (; i < line.Length; i++)
        {
            if (line[i] == (byte)',')
            {
                ranges[field++] = new Range(start, i);
                if (field == ranges.Length)
                {
                    return field;
                }

                start = i + 1;
            }
        }

        ranges[field++] = new Range(start, line.Length);
        return field;
    }

    private static bool TryParseTimestamp(Fields fields, int dateField, out DateTimeOffset? value, out string? error)
    {
        value = null;
        var dateText = fields[dateField];
        var timeText = fields[dateField + 1];

        var hasDate = !dateText.IsEmpty;
        DateOnly date = default;
        if (hasDate && !TryParseDate(dateText, out date))
        {
            error = $"{Describe(dateField)}: '{Quote(dateText)}' is not a valid yyyy/MM/dd date";
            return false;
        }

        var hasTime = !timeText.IsEmpty;
        long timeTicks = 0;
        if (hasTime && !TryParseTime(timeText, out timeTicks))
        {
            error = $"{Describe(dateField + 1)}: '{Quote(timeText)}' is not a valid HH:mm:ss.fff time";
            return false;
        }

        if (hasDate && hasTime)
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue).AddTicks(timeTicks), TimeSpan.Zero);
        }

        error = null;
        return true;
    }

    private static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'/' || text[7] != (byte)'/' ||
            !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) ||
            !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryParseTime(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.Length < 8 || text[2] != (byte)':' || text[5] != (byte)':' ||
            !TryDigits(text[..2], out var hour) || !TryDigits(text.Slice(3, 2), out var minute) ||
            !TryDigits(text.Slice(6, 2), out var second) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long fractionTicks = 0;
        if (text.Length > 8)
        {
            var fraction = text[9..];
            if (text[8] != (byte)'.' || fraction.Length > 9)
            {
                return false;
            }

            // Ticks are 100 ns: the first seven fractional digits count, further ones are truncated.
            long scale = TimeSpan.TicksPerSecond;
            foreach (var b in fraction)
            {
                if (!char.IsAsciiDigit((char)b))
                {
                    return false;
                }

                scale /= 10;
                fractionTicks += (b - '0') * scale;
            }
        }

        ticks = (((hour * 60L) + minute) * 60 + second) * TimeSpan.TicksPerSecond + fractionTicks;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static bool TryParseNumber(
        Fields fields, int field, double min, double max, string unit, out double? value, out string? error)
    {
        value = null;
        error = null;
        var text = fields[field];
        if (text.IsEmpty)
        {
            return true;
        }

        if (!TryParsePlainDecimal(text, out var number) && !double.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out number))
        {
            error = $"{Describe(field)}: '{Quote(text)}' is not a number";
            return false;
        }

        if (!double.IsFinite(number))
        {
            error = $"{Describe(field)}: '{Quote(text)}' is not a finite number";
            return false;
        }

        if (number < min || number > max)
        {
            error = double.IsPositiveInfinity(max)
                ? $"{Describe(field)}: '{Quote(text)}' is below {min.ToString(CultureInfo.InvariantCulture)} {unit}"
                : $"{Describe(field)}: '{Quote(text)}' is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}] {unit}";
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>
    /// The common case of <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>
    /// without its generality: an optional sign, at most 15 digits and at most one decimal point. The digits make an
    /// exact integer below 2^53 and the scale an exact power of ten, so the one division rounds exactly as the full
    /// parser does; anything else (more digits, spaces, other characters) returns false and goes to the full parser.
    /// </summary>
    private static bool TryParsePlainDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var decimals = -1;
        for (; i < text.Length; i++)
        {
            var b = text[i];
            if (char.IsAsciiDigit((char)b))
            {
                if (++digits > 15)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (b - '0');
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (b == (byte)'.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static int RoundToInt(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static bool TryParseSquawk(Fields fields, out string? squawk, out string? error)
    {
        squawk = null;
        error = null;
        var text = fields[18];
        if (text.IsEmpty)
        {
            return true;
        }

        var code = 0;
        var valid = text.Length == 4;
        if (valid)
        {
            foreach (var b in text)
            {
                if (b is < (byte)'0' or > (byte)'7')
                {
                    valid = false;
                    break;
                }

                code = (code << 3) | (b - '0');
            }
        }

        if (!valid)
        {
            error = $"{Describe(18)}: '{Quote(text)}' is not a 4-digit octal squawk code";
            return false;
        }

        // Only 4096 codes exist: intern them all lazily (a benign race can at worst allocate twice).
        squawk = SquawkCache[code] ??= Encoding.ASCII.GetString(text);
        return true;
    }

    private static bool TryParseFlag(Fields fields, int field, out bool? flag, out string? error)
    {
        error = null;
        var text = fields[field];
        if (text.IsEmpty)
        {
            flag = null;
            return true;
        }

        if (text.SequenceEqual("0"u8))
        {
            flag = false;
            return true;
        }

        if (text.SequenceEqual("-1"u8) || text.SequenceEqual("1"u8))
        {
            flag = true;
            return true;
        }

        flag = null;
        error = $"{Describe(field)}: '{Quote(text)}' is not a flag (0, 1 or -1)";
        return false;
    }

    private static string Describe(int field) =>
        field <= FieldNames.Length
            ? $"field {field} ({FieldNames[field - 1]})"
            : $"field {field} (extra)";

    private static string Missing(int field) => $"{Describe(field)}: missing";

    /// <summary>The text of a field for an error message, cut to <see cref="MaxQuotedLength"/> characters.</summary>
    /// <remarks>Only called after <see cref="TrySplit"/> has checked that the whole line is printable ASCII.</remarks>
    private static string Quote(ReadOnlySpan<byte> text) =>
        text.Length <= MaxQuotedLength
            ? Encoding.ASCII.GetString(text)
            : string.Concat(Encoding.ASCII.GetString(text[..MaxQuotedLength]), "...");

    /// <summary>The fields of one line, addressed by 1-based position and trimmed of spaces; absent fields are empty.</summary>
    private readonly ref struct Fields(ReadOnlySpan<byte> line, ReadOnlySpan<Range> ranges, int count)
    {
        private readonly ReadOnlySpan<byte> line = line;
        private readonly ReadOnlySpan<Range> ranges = ranges;

        public ReadOnlySpan<byte> this[int position] =>
            position <= count ? line[ranges[position - 1]].Trim((byte)' ') : [];
    }
}
