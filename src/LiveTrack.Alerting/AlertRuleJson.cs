using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LiveTrack.Alerting;

/// <summary>
/// Writes alert rules in the document format <see cref="AlertRuleParser"/> reads: the REST API's responses (without
/// secrets) and the rule store's files (with them).
/// </summary>
public static class AlertRuleJson
{
    // The output is a JSON API body or a file, never inlined in HTML, so regex characters such as + stay readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The rule as a JSON document. With <paramref name="includeSecrets"/> false (API output), each webhook is written
    /// as <c>{"url": …, "hasSecret": true}</c>: the document re-parses once the secrets are put back.
    /// </summary>
    public static string Write(AlertRule rule, bool includeSecrets)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteTo(writer, rule, includeSecrets);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the rule as one JSON object (e.g. as an item of a list response).</summary>
    public static void WriteTo(Utf8JsonWriter writer, AlertRule rule, bool includeSecrets)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rule);

        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        writer.WriteString("name", rule.Name);
        writer.WriteBoolean("enabled", rule.Enabled);
        writer.WritePropertyName("trigger");
        WriteTrigger(writer, rule.Trigger);
        if (!rule.Filter.IsAny)
        {
            writer.WritePropertyName("filter");
            WriteFilter(writer, rule.Filter);
        }

        writer.WriteNumber("cooldownSeconds", rule.Cooldown.TotalSeconds);
        writer.WriteStartArray("webhooks");
        foreach (var webhook in rule.Webhooks)
        {
            writer.WriteStartObject();
            writer.WriteString("url", webhook.Url.AbsoluteUri);
            if (includeSecrets)
            {
                writer.WriteString("secret", webhook.Secret);
            }
            else
            {
                writer.WriteBoolean("hasSecret", !string.IsNullOrEmpty(webhook.Secret));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTrigger(Utf8JsonWriter writer, RuleTrigger trigger)
    {
        writer.WriteStartObject();
        switch (trigger)
        {
            case GeofenceTrigger geofence:
                writer.WriteString("kind", "geofence");
                if (geofence.FenceId is not null)
                {
                    writer.WriteString("fenceId", geofence.FenceId);
                }

                if (geofence.Tag is not null)
                {
                    writer.WriteString("tag", geofence.Tag);
                }

                writer.WriteStartArray("events");
                foreach (var kind in Enum.GetValues<GeofenceEventKind>().Where(geofence.Kinds.Contains))
                {
                    writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()));
                }

                writer.WriteEndArray();
                if (geofence.Dwell is { } dwell)
                {
                    writer.WriteNumber("dwellMinutes", dwell.TotalMinutes);
                }

                break;
            case SquawkTrigger squawk:
                writer.WriteString("kind", "squawk");
                writer.WriteStartArray("codes");
                foreach (var code in squawk.Codes.Order(StringComparer.Ordinal))
                {
                    writer.WriteStringValue(code);
                }

                writer.WriteEndArray();
                writer.WriteNumber("heldSeconds", squawk.HeldFor.TotalSeconds);
                break;
            case EmergencyTrigger emergency:
                writer.WriteString("kind", "emergency");
                writer.WriteNumber("heldSeconds", emergency.HeldFor.TotalSeconds);
                break;
            default:
                throw new NotSupportedException($"{trigger.GetType().Name} cannot be written as a rule trigger");
        }

        writer.WriteEndObject();
    }

    private static void WriteFilter(Utf8JsonWriter writer, AircraftFilter filter)
    {
        writer.WriteStartObject();
        if (filter.IcaoRanges is { } icao)
        {
            WriteStrings(writer, "icao", icao.Select(r => r.ToString()));
        }

        if (filter.Callsign is { } callsign)
        {
            writer.WriteString("callsign", callsign.ToString());
        }

        if (filter.Registrations is { } registrations)
        {
            WriteStrings(writer, "registrations", registrations.Order(StringComparer.OrdinalIgnoreCase));
        }

        if (filter.TypeCodes is { } typeCodes)
        {
            WriteStrings(writer, "typeCodes", typeCodes.Order(StringComparer.OrdinalIgnoreCase));
        }

        if (filter.Military is { } military)
        {
            writer.WriteBoolean("military", military);
        }

        WriteBand(writer, "altitudeFeet", filter.AltitudeFeet);
        WriteBand(writer, "speedKnots", filter.SpeedKnots);
        if (filter.Sources is { } sources)
        {
            WriteStrings(writer, "sources", sources.Order().Select(s => s.ToString()));
        }

        if (filter.ExcludeSources is { } excludeSources)
        {
            WriteStrings(writer, "excludeSources", excludeSources.Order().Select(s => s.ToString()));
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteBand(Utf8JsonWriter writer, string name, NumberBand? band)
    {
        if (band is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        if (band.Min is { } min)
        {
            writer.WriteNumber("min", min);
        }

        if (band.Max is { } max)
        {
            writer.WriteNumber("max", max);
        }

        writer.WriteEndObject();
    }
}
