using System.Text.Json;

namespace LiveTrack.Import;

/// <summary>
/// Decides a file's format from its first bytes (already decompressed), with its name as a hint when the content
/// alone does not say.
/// </summary>
/// <remarks>
/// JSON objects by their first telling top-level property: <c>icao</c>, <c>timestamp</c> or <c>trace</c> → readsb trace;
/// <c>now</c>, <c>aircraft</c>, <c>ac</c> or <c>messages</c> → aircraft.json; <c>time</c> or <c>states</c> → OpenSky
/// states. Text: a line starting <c>MSG,</c>, <c>MLAT,</c>, <c>SEL,</c>, <c>ID,</c>, <c>AIR,</c>, <c>STA,</c> or
/// <c>CLK,</c> → SBS; a first line naming the <c>icao24</c> and <c>time</c> columns → OpenSky CSV. Otherwise names:
/// <c>trace_full_*</c>/<c>trace_recent_*</c> → trace, <c>*.sbs</c> → SBS, <c>*.csv</c> → OpenSky CSV, a JSON object
/// in a file named <c>*states*</c> → OpenSky states, any other JSON object → aircraft.json.
/// </remarks>
internal static class FormatDetector
{
    /// <summary>How many bytes detection looks at.</summary>
    public const int HeadBytes = 8192;

    private static readonly byte[][] SbsPrefixes = [.. new[] { "MSG,", "MLAT,", "SEL,", "ID,", "AIR,", "STA,", "CLK," }.Select(System.Text.Encoding.ASCII.GetBytes)];

    public static ImportFormat? Detect(ReadOnlySpan<byte> head, string name)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var fileName = Path.GetFileName(name);
        var text = head.TrimStart(" \t\r\n"u8);
        if (text.StartsWith("{"u8))
        {
            return FromJson(text) ?? FromJsonName(fileName);
        }

        return FromText(text) ?? FromTextName(fileName);
    }

    private static ImportFormat? FromJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, default);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("icao"u8) || reader.ValueTextEquals("trace"u8) || reader.ValueTextEquals("timestamp"u8))
                {
                    return ImportFormat.ReadsbTrace;
                }

                if (reader.ValueTextEquals("now"u8) || reader.ValueTextEquals("aircraft"u8) || reader.ValueTextEquals("ac"u8) || reader.ValueTextEquals("messages"u8))
                {
                    return ImportFormat.AircraftJson;
                }

                if (reader.ValueTextEquals("time"u8) || reader.ValueTextEquals("states"u8))
                {
                    return ImportFormat.OpenSkyStates;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all (or broken early): the name may still tell, and the reader will say what is wrong.
        }

        return null;
    }

    private static ImportFormat? FromJsonName(string fileName) =>
        IsTraceName(fileName) ? ImportFormat.ReadsbTrace
        : fileName.Contains("states", StringComparison.OrdinalIgnoreCase) ? ImportFormat.OpenSkyStates
        : ImportFormat.AircraftJson;

    private static ImportFormat? FromText(ReadOnlySpan<byte> text)
    {
        var first = true;
        for (var lines = 0; lines < 16 && !text.IsEmpty; lines++)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            foreach (var prefix in SbsPrefixes)
            {
                if (line.StartsWith(prefix))
                {
                    return ImportFormat.Sbs;
                }
            }

            if (first && line.IndexOf("icao24"u8) >= 0 && line.IndexOf("time"u8) >= 0)
            {
                return ImportFormat.OpenSkyCsv;
            }

            first = false;
        }

        return null;
    }

    private static ImportFormat? FromTextName(string fileName) =>
        IsTraceName(fileName) ? ImportFormat.ReadsbTrace
        : HasExtension(fileName, ".sbs") ? ImportFormat.Sbs
        : HasExtension(fileName, ".csv") ? ImportFormat.OpenSkyCsv
        : null;

    private static bool IsTraceName(string fileName) =>
        fileName.StartsWith("trace_full_", StringComparison.OrdinalIgnoreCase) ||
        fileName.StartsWith("trace_recent_", StringComparison.OrdinalIgnoreCase);

    private static bool HasExtension(string fileName, string extension)
    {
        var name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
    }
}
