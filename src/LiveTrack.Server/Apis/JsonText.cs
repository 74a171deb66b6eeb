using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>
/// Finds text in a JSON request body that is not valid Unicode — raw bytes that are not UTF-8, or an escaped lone
/// surrogate (<c>"\ud800"</c>) — and names where it is (<c>properties.name</c>, <c>features[1].id</c>), so such a
/// body is a 400 naming the field rather than an exception deep in a parser.
/// </summary>
internal static class JsonText
{
    /// <summary>The 400 problem for the first invalid string, or null when every string is valid (or the body is not JSON at all: the parser reports that).</summary>
    public static ValidationProblem? InvalidText(ReadOnlyMemory<byte> body)
    {
        if (FindInvalidString(body.Span) is not { } field)
        {
            return null;
        }

        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = ["not valid UTF-8 text (or an escaped lone surrogate)."] },
            title: "The body is not valid UTF-8 JSON");
    }

    /// <summary>The JSON path of the first property name or string value that is not valid Unicode; "$" for bytes outside strings.</summary>
    public static string? FindInvalidString(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var path = new List<(string? Property, int Index)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add((null, reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (!IsValid(ref reader, out var name))
                        {
                            return Format(path) is { Length: > 0 } parent ? parent : "$";
                        }

                        path[^1] = (name, -1);
                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        if (!IsValid(ref reader, out _))
                        {
                            return Format(path) is { Length: > 0 } field ? field : "$";
                        }

                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (the reader also refuses invalid UTF-8 outside strings): the document parser names the problem.
            return Utf8.IsValid(utf8Json) ? null : "$";
        }

        return null;
    }

    /// <summary>Moves an array's index on for the value about to be read (the first value keeps index 0).</summary>
    private static void Advance(List<(string? Property, int Index)> path)
    {
        if (path.Count > 0 && path[^1] is { Property: null, Index: >= 0 } array)
        {
            path[^1] = (null, array.Index + 1);
        }
    }

    private static bool IsValid(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                return false;
            }
        }

        try
        {
            value = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses text that cannot be transcoded to UTF-16: invalid UTF-8 or an escaped lone surrogate.
            return false;
        }
    }

    private static string Format(List<(string? Property, int Index)> path)
    {
        var text = new StringBuilder();
        foreach (var (property, index) in path)
        {
            if (property is not null)
            {
                text.Append(text.Length > 0 ? "." : "").Append(property);
            }
            else if (index >= 1)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{index - 1}]");
            }
        }

        return text.ToString();
    }
}
