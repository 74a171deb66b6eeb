using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace LiveTrack.JsonShapes;

/// <summary>
/// Turns the exception of a strict source-generated deserialization into a <see cref="ShapeError"/>: the
/// exception's JSON path (<see cref="JsonException.Path"/>) walked through the document and through the type's
/// contract, so the error names the field with its declared name and says what belonged there.
/// </summary>
public static partial class ShapeErrors
{
    /// <summary>
    /// Locates a serializer error. <paramref name="root"/> is the document that was deserialized,
    /// <paramref name="rootType"/> the contract it was deserialized as. Null when <paramref name="exception"/> is not
    /// a serializer error with a path (the caller lets it propagate).
    /// </summary>
    public static ShapeError? Locate(Exception exception, JsonElement root, JsonTypeInfo rootType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(rootType);
        var path = exception switch
        {
            JsonException json => json.Path,
            // A polymorphic object without its discriminator; the path is only in the message.
            NotSupportedException unsupported when MessagePath().Match(unsupported.Message) is { Success: true } m => m.Groups[1].Value,
            _ => null,
        };
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        var segments = Segments(path);
        JsonElement? element = root;
        JsonTypeInfo? type = rootType;
        var field = new StringBuilder();
        var pattern = new StringBuilder();
        for (var s = 0; s < segments.Count; s++)
        {
            var (name, index) = segments[s];
            if (name is null)
            {
                field.Append('[').Append(index).Append(']');
                pattern.Append("[]");
                element = element is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength() ? array[index] : null;
                type = type?.ElementType is { } elementType ? type.Options.GetTypeInfo(elementType) : null;
                continue;
            }

            var holder = Resolve(type, element);
            var property = holder?.Properties.FirstOrDefault(p => !p.IsExtensionData && NameEquals(p.Name, name, holder.Options));
            var discriminator = type?.PolymorphismOptions?.TypeDiscriminatorPropertyName;
            if (s == segments.Count - 1)
            {
                var count = element is { ValueKind: JsonValueKind.Object } obj
                    ? obj.EnumerateObject().Count(p => NameEquals(p.Name, name, (holder ?? type)?.Options))
                    : 0;
                if (property is null || count > 1)
                {
                    var kind = count > 1 || name == discriminator ? ShapeErrorKind.DuplicateProperty : ShapeErrorKind.UnknownProperty;
                    Append(field, pattern, property?.Name ?? name);
                    return new ShapeError(
                        field.ToString(), pattern.ToString(), kind, holder ?? type, Member(element, name, holder?.Options), name,
                        MemberNames(holder, discriminator), []);
                }
            }

            Append(field, pattern, property?.Name ?? name);
            element = Member(element, name, holder?.Options);
            type = property is null ? null : holder!.Options.GetTypeInfo(property.PropertyType);
        }

        if (type?.PolymorphismOptions is { } polymorphism && element is { ValueKind: JsonValueKind.Object } polymorphic)
        {
            var discriminator = polymorphism.TypeDiscriminatorPropertyName;
            Append(field, pattern, discriminator);
            var kinds = polymorphism.DerivedTypes.Select(d => d.TypeDiscriminator?.ToString()).OfType<string>().ToArray();
            return polymorphic.TryGetProperty(discriminator, out var value) && value.ValueKind != JsonValueKind.Null
                ? new ShapeError(field.ToString(), pattern.ToString(), ShapeErrorKind.UnknownDiscriminator, type, value, null, [], kinds)
                : new ShapeError(field.ToString(), pattern.ToString(), ShapeErrorKind.MissingDiscriminator, type, polymorphic, null, [], kinds);
        }

        return new ShapeError(
            field.Length == 0 ? "$" : field.ToString(), pattern.Length == 0 ? "$" : pattern.ToString(), ShapeErrorKind.WrongType, type, element, null, [], []);
    }

    /// <summary>What a contract accepts, in words: <c>a string</c>, <c>true or false</c>, <c>a number</c>, <c>an array</c>, <c>an object</c>.</summary>
    public static string Expectation(JsonTypeInfo? type)
    {
        if (type is null)
        {
            return "a valid value";
        }

        var clr = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return Type.GetTypeCode(clr) switch
        {
            TypeCode.String => "a string",
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            _ => type.Kind switch
            {
                JsonTypeInfoKind.Enumerable => "an array",
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
                _ => "a valid value",
            },
        };
    }

    /// <summary>A JSON value as the document wrote it, shortened to 80 characters, for messages; <c>nothing</c> for none.</summary>
    public static string Describe(JsonElement? value)
    {
        if (value is not { } element)
        {
            return "nothing";
        }

        var raw = element.GetRawText();
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }

    private static List<string> MemberNames(JsonTypeInfo? type, string? discriminator)
    {
        var names = new List<string>();
        if (discriminator is not null)
        {
            names.Add(discriminator);
        }

        if (type is { Kind: JsonTypeInfoKind.Object })
        {
            names.AddRange(type.Properties.Where(p => !p.IsExtensionData).Select(p => p.Name));
        }

        return names;
    }

    /// <summary>The derived contract a polymorphic object's discriminator names, else the declared one.</summary>
    private static JsonTypeInfo? Resolve(JsonTypeInfo? type, JsonElement? element)
    {
        if (type?.PolymorphismOptions is not { } polymorphism
            || element is not { ValueKind: JsonValueKind.Object } obj
            || !obj.TryGetProperty(polymorphism.TypeDiscriminatorPropertyName, out var value)
            || value.ValueKind != JsonValueKind.String)
        {
            return type;
        }

        var kind = value.GetString();
        var derived = polymorphism.DerivedTypes.FirstOrDefault(d => d.TypeDiscriminator is string s && s == kind);
        return derived.DerivedType is { } derivedType ? type.Options.GetTypeInfo(derivedType) : type;
    }

    private static JsonElement? Member(JsonElement? element, string name, JsonSerializerOptions? options)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (NameEquals(property.Name, name, options))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static bool NameEquals(string a, string b, JsonSerializerOptions? options) =>
        string.Equals(a, b, options?.PropertyNameCaseInsensitive == true ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static void Append(StringBuilder field, StringBuilder pattern, string name)
    {
        if (field.Length > 0)
        {
            field.Append('.');
            pattern.Append('.');
        }

        field.Append(name);
        pattern.Append(name);
    }

    /// <summary>Splits <c>$.a.b[2]['c d']</c> into (name, index) segments.</summary>
    private static List<(string? Name, int Index)> Segments(string path)
    {
        var segments = new List<(string?, int)>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add((path[(i + 1)..end], 0));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add((path[(i + 2)..end], 0));
                i = Math.Min(end + 2, path.Length);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add((null, int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0));
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    [GeneratedRegex(@"Path: (\$\S*?)(?: \||\.?$)", RegexOptions.CultureInvariant)]
    private static partial Regex MessagePath();
}
