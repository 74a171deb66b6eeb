using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace LiveTrack.Adsb;

/// <summary>Why one aircraft entry was skipped: the field (with its own prefix, e.g. <c>.lat</c>) and the problem.</summary>
internal readonly record struct EntryFault(string Field, string Problem);

/// <summary>Parses one aircraft entry; the reader sits on the entry's first token and must be left on its last.</summary>
/// <returns>The observation, or <see langword="null"/> with <paramref name="fault"/> set.</returns>
internal delegate AircraftObservation? EntryParser(ref Utf8JsonReader reader, long nowMs, out EntryFault fault);

/// <summary>One array property a snapshot document may carry its aircraft in.</summary>
/// <param name="Name">The property name.</param>
/// <param name="MillisecondsPerTimeUnit">What one unit of the document's time property is worth (1000 = seconds).</param>
/// <param name="AllowNull">Whether <c>null</c> stands for an empty list.</param>
internal sealed record SnapshotArray(string Name, int MillisecondsPerTimeUnit, bool AllowNull)
{
    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(Name);
}

/// <summary>The top-level shape of a snapshot document: a time property and one of several aircraft arrays.</summary>
internal sealed class SnapshotLayout(string timeProperty, SnapshotArray[] arrays, EntryParser parseEntry)
{
    public string TimeProperty { get; } = timeProperty;

    public byte[] Utf8TimeProperty { get; } = Encoding.UTF8.GetBytes(timeProperty);

    public SnapshotArray[] Arrays { get; } = arrays;

    public EntryParser ParseEntry { get; } = parseEntry;
}

/// <summary>
/// The document-level half of the JSON snapshot parsers, shared by readsb and OpenSky, plus small value readers.
/// </summary>
/// <remarks>
/// The whole document is read with one <see cref="Utf8JsonReader"/>. When the time property precedes the aircraft
/// array (readsb, OpenSky) entries are parsed in the same pass; otherwise (ADS-B Exchange puts <c>ac</c> first) the
/// array is skipped and read in a second pass once the time is known. Either way the document is fully read and
/// validated before a result is returned, so a truncated or otherwise broken document yields nothing.
/// </remarks>
internal static class SnapshotJson
{
    /// <summary>Latest instant <see cref="DateTimeOffset"/> can represent, in Unix milliseconds.</summary>
    public const long MaxUnixMilliseconds = 253_402_300_799_999;

    public const int MinAltitudeFeet = -2000;
    public const int MaxAltitudeFeet = 200_000;
    public const int MaxAbsVerticalRate = 100_000;

    /// <summary>Longest age (readsb <c>seen</c>/<c>seen_pos</c>) accepted: one year.</summary>
    public const double MaxAgeSeconds = 366 * 86_400;

    private const int SmallTextBytes = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    private static readonly SearchValues<byte> NonIntegerBytes = SearchValues.Create(".eE"u8);

    private static readonly string?[] SquawkCache = new string?[8 * 8 * 8 * 8];

    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        SnapshotLayout layout,
        out SnapshotParseResult? result,
        out string? error)
    {
        // Utf8JsonReader does not skip a byte order mark; files saved by some tools start with one.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        try
        {
            return TryParseCore(utf8Json, layout, out result, out error);
        }
        catch (JsonException ex)
        {
            result = null;
            error = $"not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static bool TryParseCore(
        ReadOnlySpan<byte> utf8Json,
        SnapshotLayout layout,
        out SnapshotParseResult? result,
        out string? error)
    {
        result = null;
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read())
        {
            error = "document is empty";
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = $"top level: expected an object, got {Describe(reader.TokenType)}";
            return false;
        }

        double? time = null;
        SnapshotArray? array = null;
        var deferred = false;
        var sink = new EntrySink();

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (TextEquals(ref reader, layout.Utf8TimeProperty))
            {
                if (time.HasValue)
                {
                    error = $"{layout.TimeProperty}: appears twice";
                    return false;
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.Number)
                {
                    error = $"{layout.TimeProperty}: expected a number, got {Describe(reader.TokenType)}";
                    return false;
                }

                if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
                {
                    error = $"{layout.TimeProperty}: not a finite number";
                    return false;
                }

                time = value;
                continue;
            }

            var matched = Match(ref reader, layout.Arrays);
            if (matched is null)
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (array is not null)
            {
                error = ReferenceEquals(array, matched)
                    ? $"{matched.Name}: appears twice"
                    : $"document has both '{array.Name}' and '{matched.Name}'";
                return false;
            }

            array = matched;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                if (reader.TokenType == JsonTokenType.Null && matched.AllowNull)
                {
                    continue; // null stands for "no aircraft", like [].
                }

                error = $"{matched.Name}: expected an array, got {Describe(reader.TokenType)}";
                return false;
            }

            if (time is { } known)
            {
                if (!TryResolveNow(known, layout, matched, out var nowMs, out error))
                {
                    return false;
                }

                ReadEntries(ref reader, layout, matched, nowMs, sink);
            }
            else
            {
                reader.Skip();
                deferred = true;
            }
        }

        // The loop ends on the top-level EndObject (the reader throws on anything malformed or truncated). One more
        // read makes the reader reject trailing content after the root object.
        if (reader.Read())
        {
            error = "unexpected content after the top-level object";
            return false;
        }

        if (time is not { } now)
        {
            error = $"{layout.TimeProperty}: missing";
            return false;
        }

        if (array is null)
        {
            error = layout.Arrays.Length == 1
                ? $"{layout.Arrays[0].Name}: missing"
                : $"no aircraft array ({string.Join(" or ", layout.Arrays.Select(a => $"'{a.Name}'"))})";
            return false;
        }

        if (!TryResolveNow(now, layout, array, out var documentMs, out error))
        {
            return false;
        }

        if (deferred)
        {
            var second = new Utf8JsonReader(utf8Json, ReaderOptions);
            second.Read();
            while (second.Read() && second.TokenType == JsonTokenType.PropertyName)
            {
                var isArray = TextEquals(ref second, array.Utf8Name);
                second.Read();
                if (isArray)
                {
                    ReadEntries(ref second, layout, array, documentMs, sink);
                    break;
                }

                second.Skip();
            }
        }

        result = new SnapshotParseResult(
            DateTimeOffset.FromUnixTimeMilliseconds(documentMs),
            sink.Aircraft,
            sink.Malformed,
            sink.Errors);
        error = null;
        return true;
    }

    private static SnapshotArray? Match(ref Utf8JsonReader reader, SnapshotArray[] arrays)
    {
        foreach (var candidate in arrays)
        {
            if (TextEquals(ref reader, candidate.Utf8Name))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool TryResolveNow(
        double time,
        SnapshotLayout layout,
        SnapshotArray array,
        out long nowMs,
        out string? error)
    {
        var ms = Math.Round(time * array.MillisecondsPerTimeUnit, MidpointRounding.AwayFromZero);
        if (ms is < 0 or > MaxUnixMilliseconds)
        {
            nowMs = 0;
            var unit = array.MillisecondsPerTimeUnit == 1 ? "Unix milliseconds" : "Unix seconds";
            error = $"{layout.TimeProperty}: {Format(time)} is not a valid time in {unit}";
            return false;
        }

        nowMs = (long)ms;
        error = null;
        return true;
    }

    private static void ReadEntries(
        ref Utf8JsonReader reader,
        SnapshotLayout layout,
        SnapshotArray array,
        long nowMs,
        EntrySink sink)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var observation = layout.ParseEntry(ref reader, nowMs, out var fault);
            if (observation is not null)
            {
                sink.Aircraft.Add(observation);
            }
            else
            {
                sink.AddFault(array.Name, index, fault);
            }

            index++;
        }
    }

    // ---- value readers shared by the entry parsers ----

    public static EntryFault Expected(string field, string what, JsonTokenType got) =>
        new(field, $"expected {what}, got {Describe(got)}");

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> for the current string or property name,
    /// except that text the reader cannot unescape (a lone surrogate such as <c>"\ud800"</c>) equals nothing
    /// instead of throwing.
    /// </summary>
    public static bool TextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.SequenceEqual(utf8Text);
        }

        try
        {
            return reader.ValueTextEquals(utf8Text);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Skips the value the reader sits on when it is an object or array (a no-op otherwise).</summary>
    public static void SkipContainer(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    /// <summary>A number, <c>null</c> (absent), or a fault. Range limits are inclusive.</summary>
    public static bool TryNumber(
        ref Utf8JsonReader reader,
        string field,
        double min,
        double max,
        string unit,
        out double? value,
        out EntryFault fault)
    {
        value = null;
        fault = default;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            fault = Expected(field, "a number", reader.TokenType);
            return false;
        }

        if (!TryGetFiniteDouble(ref reader, out var number))
        {
            fault = new EntryFault(field, "not a finite number");
            return false;
        }

        return CheckRange(field, number, min, max, unit, out value, out fault);
    }

    /// <summary>
    /// Reads the current number token as a finite double. Integers (most readsb and OpenSky numbers) take the much
    /// cheaper integer parser.
    /// </summary>
    public static bool TryGetFiniteDouble(ref Utf8JsonReader reader, out double value)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.IndexOfAny(NonIntegerBytes) < 0 &&
            reader.TryGetInt64(out var integer))
        {
            value = integer;
            return true;
        }

        return reader.TryGetDouble(out value) && double.IsFinite(value);
    }

    /// <summary>Checks an already converted number against an inclusive range.</summary>
    public static bool CheckRange(
        string field,
        double number,
        double min,
        double max,
        string unit,
        out double? value,
        out EntryFault fault)
    {
        if (number < min || number > max)
        {
            value = null;
            fault = double.IsPositiveInfinity(max)
                ? new EntryFault(field, $"{Format(number)} is below {Format(min)} {unit}")
                : new EntryFault(field, $"{Format(number)} is outside [{Format(min)}, {Format(max)}] {unit}");
            return false;
        }

        value = number;
        fault = default;
        return true;
    }

    /// <summary>A boolean from <c>true</c>/<c>false</c> or the numbers 0/1; <c>null</c> is absent.</summary>
    public static bool TryFlag(ref Utf8JsonReader reader, string field, bool allowNumber, out bool? value, out EntryFault fault)
    {
        fault = default;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                value = null;
                return true;
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            case JsonTokenType.Number when allowNumber && reader.TryGetInt32(out var number) && number is 0 or 1:
                value = number == 1;
                return true;
            default:
                value = null;
                fault = Expected(field, allowNumber ? "0, 1 or a boolean" : "a boolean", reader.TokenType);
                return false;
        }
    }

    /// <summary>A string, trimmed, with empty meaning absent; <c>null</c> is absent too.</summary>
    public static bool TryText(ref Utf8JsonReader reader, string field, out string? value, out EntryFault fault)
    {
        value = null;
        fault = default;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            fault = Expected(field, "a string", reader.TokenType);
            return false;
        }

        string text;
        if (!reader.ValueIsEscaped)
        {
            var raw = TrimAsciiWhitespace(reader.ValueSpan);
            if (!Utf8.IsValid(raw))
            {
                fault = new EntryFault(field, "not valid UTF-8");
                return false;
            }

            text = raw.IsEmpty ? string.Empty : Encoding.UTF8.GetString(raw);
        }
        else
        {
            try
            {
                text = reader.GetString() ?? string.Empty;
            }
            catch (InvalidOperationException)
            {
                fault = new EntryFault(field, "not valid UTF-8");
                return false;
            }
        }

        text = text.Trim();
        value = text.Length == 0 ? null : text;
        return true;
    }

    /// <summary>
    /// Returns the (unescaped) UTF-8 bytes of the current string or property name when it is at most
    /// <see cref="SmallTextBytes"/> bytes long and valid; otherwise <see langword="false"/>.
    /// </summary>
    public static bool TrySmallText(ref Utf8JsonReader reader, scoped Span<byte> buffer, out int length)
    {
        length = 0;
        var raw = reader.ValueSpan;
        if (raw.Length > buffer.Length)
        {
            return false;
        }

        if (!reader.ValueIsEscaped)
        {
            raw.CopyTo(buffer);
            length = raw.Length;
            return Utf8.IsValid(buffer[..length]);
        }

        try
        {
            // Unescaping never lengthens the text, so the buffer is large enough.
            length = reader.CopyString(buffer);
            return Utf8.IsValid(buffer[..length]);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the current property name as chars for a <c>switch</c> and returns how many; 0 when it is too long or
    /// invalid (no known name is empty, so that reads as unknown).
    /// </summary>
    public static int PropertyName(ref Utf8JsonReader reader, scoped Span<byte> bytes, scoped Span<char> chars)
    {
        scoped ReadOnlySpan<byte> utf8;
        if (!reader.ValueIsEscaped)
        {
            utf8 = reader.ValueSpan;
            if (utf8.Length > chars.Length)
            {
                return 0;
            }
        }
        else if (TrySmallText(ref reader, bytes, out var length))
        {
            utf8 = bytes[..length];
        }
        else
        {
            return 0;
        }

        // Transcoding validates: invalid UTF-8 yields no name (an unknown property).
        return Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            ? written
            : 0;
    }

    /// <summary>
    /// The address in the current string token, normalised by <see cref="IcaoAddress.TryNormalize(ReadOnlySpan{byte}, out string?)"/>.
    /// </summary>
    public static bool TryIcao(ref Utf8JsonReader reader, string field, out string? icao, out EntryFault fault)
    {
        icao = null;
        fault = default;
        if (reader.TokenType == JsonTokenType.Null)
        {
            fault = new EntryFault(field, "missing");
            return false;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            fault = Expected(field, "a string", reader.TokenType);
            return false;
        }

        Span<byte> buffer = stackalloc byte[SmallTextBytes];
        if (TrySmallText(ref reader, buffer, out var length) && IcaoAddress.TryNormalize(buffer[..length], out icao))
        {
            return true;
        }

        fault = new EntryFault(field, "not a 6-digit hex ICAO address");
        return false;
    }

    /// <summary>
    /// A squawk string: exactly four octal digits, interned; anything else in a string (or <c>null</c>) yields
    /// <see langword="null"/> without a fault. A non-string value is a fault.
    /// </summary>
    public static bool TrySquawk(ref Utf8JsonReader reader, string field, out string? squawk, out EntryFault fault)
    {
        squawk = null;
        fault = default;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            fault = Expected(field, "a string", reader.TokenType);
            return false;
        }

        Span<byte> buffer = stackalloc byte[SmallTextBytes];
        if (!TrySmallText(ref reader, buffer, out var length) || length != 4)
        {
            return true;
        }

        var code = 0;
        foreach (var b in buffer[..4])
        {
            if (b is < (byte)'0' or > (byte)'7')
            {
                return true;
            }

            code = (code << 3) | (b - '0');
        }

        // Only 4096 codes exist: intern them all lazily (a benign race can at worst allocate twice).
        squawk = SquawkCache[code] ??= Encoding.ASCII.GetString(buffer[..4]);
        return true;
    }

    /// <summary>Returns the interned string from <paramref name="known"/> the current string token equals, if any.</summary>
    public static string? MatchKnown(ref Utf8JsonReader reader, KnownStrings known)
    {
        for (var i = 0; i < known.Utf8.Length; i++)
        {
            if (TextEquals(ref reader, known.Utf8[i]))
            {
                return known.Text[i];
            }
        }

        return null;
    }

    /// <summary>Milliseconds for a non-negative age in seconds, or a fault.</summary>
    public static bool TryAge(ref Utf8JsonReader reader, string field, out double? seconds, out EntryFault fault) =>
        TryNumber(ref reader, field, 0, MaxAgeSeconds, "seconds", out seconds, out fault);

    public static long SecondsToMilliseconds(double seconds) =>
        (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);

    public static int RoundToInt(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static ReadOnlySpan<byte> TrimAsciiWhitespace(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && value[start] is (byte)' ' or (>= 0x09 and <= 0x0D))
        {
            start++;
        }

        var end = value.Length;
        while (end > start && value[end - 1] is (byte)' ' or (>= 0x09 and <= 0x0D))
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>Collects a document's entries and sampled faults.</summary>
    private sealed class EntrySink
    {
        private readonly List<string> errors = [];

        public List<AircraftObservation> Aircraft { get; } = [];

        public int Malformed { get; private set; }

        public IReadOnlyList<string> Errors => errors;

        public void AddFault(string arrayName, int index, EntryFault fault)
        {
            Malformed++;
            if (errors.Count < SnapshotParseResult.MaxErrorSamples)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{arrayName}[{index}]{fault.Field}: {fault.Problem}"));
            }
        }
    }
}

/// <summary>A small set of well-known string values, matched without allocating and returned interned.</summary>
internal sealed class KnownStrings(params string[] values)
{
    public string[] Text { get; } = values;

    public byte[][] Utf8 { get; } = [.. values.Select(Encoding.UTF8.GetBytes)];
}
