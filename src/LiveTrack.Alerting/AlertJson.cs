using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Alerting;

/// <summary>
/// The JSON form of an <see cref="Alert"/>, as POSTed to webhooks and returned by the API: web defaults (camelCase)
/// with enums as their names (<c>"Geofence"</c>, <c>"Entered"</c>).
/// </summary>
public static class AlertJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The webhook body for <paramref name="alert"/> (sign exactly these bytes).</summary>
    public static byte[] SerializeToUtf8Bytes(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return JsonSerializer.SerializeToUtf8Bytes(alert, Options);
    }

    /// <summary>Reads an alert written by <see cref="SerializeToUtf8Bytes"/>.</summary>
    /// <exception cref="JsonException">The bytes are not an alert.</exception>
    public static Alert? Deserialize(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<Alert>(utf8Json, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
