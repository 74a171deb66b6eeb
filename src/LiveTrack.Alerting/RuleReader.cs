using System.Text.Json;
using static System.FormattableString;

namespace LiveTrack.Alerting;

/// <summary>
/// Walks a rule document for <see cref="AlertRuleParser"/>: checks its shape and values, collecting every error with
/// its field path. Single use.
/// </summary>
internal sealed class RuleReader(RuleValidationContext context)
{
    private const string IdCharacters = "must be 1–64 characters of A–Z a–z 0–9 . _ ~ -, not \".\" or \"..\"";
    private const string TriggerKinds = "geofence, squawk or emergency";
    private const string EventKinds = "entered, exited or lostInside";

    private static readonly string[] RuleProperties = ["id", "name", "enabled", "trigger", "filter", "cooldownSeconds", "webhooks"];
    private static readonly string[] GeofenceProperties = ["kind", "fenceId", "tag", "events", "dwellMinutes"];
    private static readonly string[] SquawkProperties = ["kind", "codes", "heldSeconds"];
    private static readonly string[] EmergencyProperties = ["kind", "heldSeconds"];
    private static readonly string[] FilterProperties =
        ["icao", "callsign", "registrations", "typeCodes", "military", "altitudeFeet", "speedKnots", "sources", "excludeSources"];
    private static readonly string[] BandProperties = ["min", "max"];
    private static readonly string[] WebhookProperties = ["url", "secret"];
    private static readonly string[] IgnoredWebhookProperties = ["hasSecret"];
    private static readonly string SourceNames = string.Join(", ", Enum.GetNames<PositionSource>());

    private readonly List<RuleValidationError> errors = [];

    private delegate bool ItemReader<T>(JsonElement item, string path, out T value);

    public RuleParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", "expected a JSON object: an alert rule");
            return new RuleParseResult(null, errors);
        }

        var properties = Properties(root, "", RuleProperties, "an alert rule");
        var id = ReadId(properties);
        var name = ReadString(properties, "name", "name", AlertRuleParser.MaxNameLength, trim: true);
        var enabled = ReadBoolean(properties, "enabled", "enabled");
        var trigger = ReadTrigger(properties);
        var filter = ReadFilter(properties);
        var cooldown = ReadDuration(properties, "cooldownSeconds", "cooldownSeconds", 1, AlertRuleParser.MaxCooldownSeconds, "seconds", allowZero: true);
        var webhooks = ReadWebhooks(properties);

        if (errors.Count > 0 || id is null || trigger is null || filter is null || webhooks is null)
        {
            return new RuleParseResult(null, errors);
        }

        var rule = new AlertRule
        {
            Id = id,
            Name = name ?? id,
            Enabled = enabled ?? true,
            Trigger = trigger,
            Filter = filter,
            Cooldown = cooldown ?? TimeSpan.Zero,
            Webhooks = webhooks,
        };
        return new RuleParseResult(rule, errors);
    }

    private string? ReadId(Dictionary<string, JsonElement> properties)
    {
        string? bodyId = null;
        var bodyIdBad = false;
        if (TryGet(properties, "id", out var element))
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                bodyId = element.GetString();
            }
            else
            {
                Error("id", "must be a string");
                bodyIdBad = true;
            }
        }

        if (context.IdFromPath is { } fromPath)
        {
            if (!AlertRuleParser.IsValidId(fromPath))
            {
                Error("id", $"the id in the path, \"{fromPath}\", {IdCharacters}");
                return null;
            }

            if (bodyId is not null && !string.Equals(bodyId, fromPath, StringComparison.Ordinal))
            {
                Error("id", $"\"{bodyId}\" differs from the id in the path, \"{fromPath}\"");
            }

            return fromPath;
        }

        if (bodyId is null)
        {
            if (!bodyIdBad)
            {
                Error("id", "id is required");
            }

            return null;
        }

        if (!AlertRuleParser.IsValidId(bodyId))
        {
            Error("id", IdCharacters);
            return null;
        }

        return bodyId;
    }

    private RuleTrigger? ReadTrigger(Dictionary<string, JsonElement> properties)
    {
        if (!TryGet(properties, "trigger", out var trigger))
        {
            Error("trigger", $"required: an object with a kind ({TriggerKinds}) and its settings");
            return null;
        }

        if (trigger.ValueKind != JsonValueKind.Object)
        {
            Error("trigger", $"must be an object with a kind ({TriggerKinds}) and its settings");
            return null;
        }

        if (!trigger.EnumerateObject().Any())
        {
            Error("trigger", $"is empty: give a kind ({TriggerKinds}) and its settings");
            return null;
        }

        JsonElement? kindElement = null;
        foreach (var property in trigger.EnumerateObject())
        {
            if (string.Equals(property.Name, "kind", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                kindElement = property.Value;
                break;
            }
        }

        if (kindElement is not { } kind)
        {
            Error("trigger.kind", $"required: {TriggerKinds}");
            return null;
        }

        if (kind.ValueKind != JsonValueKind.String)
        {
            Error("trigger.kind", $"must be a string: {TriggerKinds}");
            return null;
        }

        var kindName = kind.GetString()!;
        if (kindName.Equals("geofence", StringComparison.OrdinalIgnoreCase))
        {
            return ReadGeofenceTrigger(Properties(trigger, "trigger", GeofenceProperties, "a geofence trigger"));
        }

        if (kindName.Equals("squawk", StringComparison.OrdinalIgnoreCase))
        {
            return ReadSquawkTrigger(Properties(trigger, "trigger", SquawkProperties, "a squawk trigger"));
        }

        if (kindName.Equals("emergency", StringComparison.OrdinalIgnoreCase))
        {
            var held = ReadHeld(Properties(trigger, "trigger", EmergencyProperties, "an emergency trigger"));
            return held is null ? null : new EmergencyTrigger(held.Value);
        }

        Error("trigger.kind", $"unknown trigger kind \"{kindName}\": expected {TriggerKinds}");
        return null;
    }

    private GeofenceTrigger? ReadGeofenceTrigger(Dictionary<string, JsonElement> properties)
    {
        var errorsBefore = errors.Count;
        var hasFenceId = TryGet(properties, "fenceId", out _);
        var hasTag = TryGet(properties, "tag", out _);
        var fenceId = ReadString(properties, "fenceId", "trigger.fenceId", AlertRuleParser.MaxIdLength, trim: false);
        var tag = ReadString(properties, "tag", "trigger.tag", AlertRuleParser.MaxTagLength, trim: true);

        if (hasFenceId && hasTag)
        {
            Error("trigger.tag", "give either fenceId (one geofence) or tag (every geofence with the tag), not both");
        }
        else if (!hasFenceId && !hasTag)
        {
            Error("trigger.fenceId", "required: the id of a geofence (or give tag instead, for every geofence with that tag)");
        }
        else if (fenceId is not null)
        {
            if (!AlertRuleParser.IsValidId(fenceId))
            {
                Error("trigger.fenceId", IdCharacters);
            }
            else if (!context.FenceExists(fenceId))
            {
                Error("trigger.fenceId", $"there is no geofence with the id \"{fenceId}\"");
            }
        }

        var kinds = ReadEvents(properties);
        var dwell = ReadDuration(properties, "dwellMinutes", "trigger.dwellMinutes", 60, AlertRuleParser.MaxDwellMinutes, "minutes", allowZero: false);
        if (dwell is not null && kinds is not null && (kinds.Count != 1 || !kinds.Contains(GeofenceEventKind.Entered)))
        {
            Error("trigger.dwellMinutes", "only applies when events is [\"entered\"]: the dwell is timed from entering the fence");
        }

        return errors.Count > errorsBefore || kinds is null
            ? null
            : new GeofenceTrigger(fenceId, tag, kinds, dwell);
    }

    private HashSet<GeofenceEventKind>? ReadEvents(Dictionary<string, JsonElement> properties)
    {
        const string Path = "trigger.events";
        if (!TryGet(properties, "events", out var events))
        {
            return [GeofenceEventKind.Entered];
        }

        if (events.ValueKind != JsonValueKind.Array)
        {
            Error(Path, $"must be an array of event kinds: {EventKinds}");
            return null;
        }

        if (events.GetArrayLength() == 0)
        {
            Error(Path, $"must list at least one event kind: {EventKinds}");
            return null;
        }

        var kinds = new HashSet<GeofenceEventKind>();
        var valid = true;
        var i = 0;
        foreach (var item in events.EnumerateArray())
        {
            var path = Invariant($"{Path}[{i++}]");
            if (item.ValueKind != JsonValueKind.String || !TryParseName<GeofenceEventKind>(item.GetString()!, out var kind))
            {
                Error(path, $"{Describe(item)} is not an event kind: expected {EventKinds}");
                valid = false;
            }
            else if (!kinds.Add(kind))
            {
                Error(path, $"{Describe(item)} is listed more than once");
                valid = false;
            }
        }

        return valid ? kinds : null;
    }

    private SquawkTrigger? ReadSquawkTrigger(Dictionary<string, JsonElement> properties)
    {
        const string Path = "trigger.codes";
        var codes = ReadArray<string>(properties, "codes", Path, AlertRuleParser.MaxSquawkCodes, "squawk codes (4 digits 0–7, e.g. \"7700\")", allowEmpty: false, ReadSquawk);
        if (codes is null && !TryGet(properties, "codes", out _))
        {
            Error(Path, Invariant($"required: 1 to {AlertRuleParser.MaxSquawkCodes} squawk codes of 4 digits 0–7, e.g. [\"7500\", \"7600\", \"7700\"]"));
        }

        var held = ReadHeld(properties);
        return codes is null || held is null
            ? null
            : new SquawkTrigger(new HashSet<string>(codes, StringComparer.Ordinal), held.Value);
    }

    private bool ReadSquawk(JsonElement item, string path, out string code)
    {
        code = item.ValueKind == JsonValueKind.String ? item.GetString()! : "";
        if (code.Length == 4 && code.All(c => c is >= '0' and <= '7'))
        {
            return true;
        }

        Error(path, item.ValueKind == JsonValueKind.Number
            ? $"{item.GetRawText()} must be written as a string of 4 digits 0–7, e.g. \"7700\""
            : $"{Describe(item)} is not a squawk code: expected 4 digits 0–7, e.g. \"7700\"");
        return false;
    }

    private TimeSpan? ReadHeld(Dictionary<string, JsonElement> properties)
    {
        var errorsBefore = errors.Count;
        var held = ReadDuration(properties, "heldSeconds", "trigger.heldSeconds", 1, AlertRuleParser.MaxHeldSeconds, "seconds", allowZero: true);
        return errors.Count > errorsBefore ? null : held ?? TimeSpan.Zero;
    }

    private AircraftFilter? ReadFilter(Dictionary<string, JsonElement> rule)
    {
        if (!TryGet(rule, "filter", out var filter))
        {
            return AircraftFilter.Any;
        }

        if (filter.ValueKind != JsonValueKind.Object)
        {
            Error("filter", "must be an object (or null for every aircraft)");
            return null;
        }

        var errorsBefore = errors.Count;
        var properties = Properties(filter, "filter", FilterProperties, "a filter");
        var icao = ReadArray<IcaoRange>(properties, "icao", "filter.icao", AlertRuleParser.MaxFilterEntries, "ICAO addresses or ranges", allowEmpty: false, ReadIcao);
        var callsign = ReadCallsign(properties);
        var registrations = ReadArray<string>(properties, "registrations", "filter.registrations", AlertRuleParser.MaxFilterEntries, "registrations", allowEmpty: false, ReadText);
        var typeCodes = ReadArray<string>(properties, "typeCodes", "filter.typeCodes", AlertRuleParser.MaxFilterEntries, "ICAO type designators", allowEmpty: false, ReadText);
        var military = ReadBoolean(properties, "military", "filter.military");
        var altitude = ReadBand(properties, "altitudeFeet", "filter.altitudeFeet");
        var speed = ReadBand(properties, "speedKnots", "filter.speedKnots");
        var sources = ReadSources(properties, "sources", allowEmpty: false);
        var excludeSources = ReadSources(properties, "excludeSources", allowEmpty: true);

        if (errors.Count > errorsBefore)
        {
            return null;
        }

        return new AircraftFilter
        {
            IcaoRanges = icao,
            Callsign = callsign,
            Registrations = registrations?.ToHashSet(StringComparer.OrdinalIgnoreCase),
            TypeCodes = typeCodes?.ToHashSet(StringComparer.OrdinalIgnoreCase),
            Military = military,
            AltitudeFeet = altitude,
            SpeedKnots = speed,
            Sources = sources,
            ExcludeSources = excludeSources,
        };
    }

    private bool ReadIcao(JsonElement item, string path, out IcaoRange range)
    {
        var text = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null;
        if (IcaoRange.TryParse(text, out range))
        {
            return true;
        }

        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is not null && dash > 0
            && IcaoRange.TryParseAddress(text[..dash], out var low, out var lowNonIcao)
            && IcaoRange.TryParseAddress(text[(dash + 1)..], out var high, out var highNonIcao)
            && lowNonIcao == highNonIcao && low > high)
        {
            Error(path, $"the range \"{text}\" starts above its end");
        }
        else
        {
            Error(path, $"{Describe(item)} is not an aircraft address: expected 6 hex digits (ae01c5), ~ and 6 hex digits for a non-ICAO address (~1a2b3c), or a range (ae0000-afffff)");
        }

        return false;
    }

    private System.Text.RegularExpressions.Regex? ReadCallsign(Dictionary<string, JsonElement> properties)
    {
        var pattern = ReadString(properties, "callsign", "filter.callsign", AlertRuleParser.MaxCallsignPatternLength, trim: false);
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return AircraftFilter.CreateCallsignRegex(pattern);
        }
        catch (ArgumentException e)
        {
            Error("filter.callsign", $"callsign is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    private NumberBand? ReadBand(Dictionary<string, JsonElement> filter, string name, string path)
    {
        if (!TryGet(filter, name, out var band))
        {
            return null;
        }

        if (band.ValueKind != JsonValueKind.Object)
        {
            Error(path, "must be an object with min, max or both");
            return null;
        }

        var errorsBefore = errors.Count;
        var properties = Properties(band, path, BandProperties, "a range");
        var min = ReadNumber(properties, "min", path + ".min", "must be a number");
        var max = ReadNumber(properties, "max", path + ".max", "must be a number");
        if (errors.Count > errorsBefore)
        {
            return null;
        }

        if (min is null && max is null)
        {
            Error(path, "give min, max or both");
            return null;
        }

        if (min > max)
        {
            Error(path, Invariant($"min ({min}) is above max ({max})"));
            return null;
        }

        return new NumberBand(min, max);
    }

    private HashSet<PositionSource>? ReadSources(Dictionary<string, JsonElement> filter, string name, bool allowEmpty)
    {
        var sources = ReadArray<PositionSource>(filter, name, "filter." + name, 16, "position sources", allowEmpty, ReadSource);
        return sources?.ToHashSet();
    }

    private bool ReadSource(JsonElement item, string path, out PositionSource source)
    {
        if (item.ValueKind == JsonValueKind.String && TryParseName(item.GetString()!, out source))
        {
            return true;
        }

        Error(path, $"{Describe(item)} is not a position source: expected one of {SourceNames}");
        source = default;
        return false;
    }

    private List<WebhookTarget>? ReadWebhooks(Dictionary<string, JsonElement> rule)
    {
        if (!TryGet(rule, "webhooks", out var webhooks))
        {
            return [];
        }

        if (webhooks.ValueKind != JsonValueKind.Array)
        {
            Error("webhooks", "must be an array of webhooks ({ \"url\": …, \"secret\": … })");
            return null;
        }

        var count = webhooks.GetArrayLength();
        if (count > AlertRuleParser.MaxWebhooks)
        {
            Error("webhooks", Invariant($"{count} webhooks; at most {AlertRuleParser.MaxWebhooks} are allowed"));
            return null;
        }

        var result = new List<WebhookTarget>(count);
        var i = 0;
        foreach (var webhook in webhooks.EnumerateArray())
        {
            if (ReadWebhook(webhook, Invariant($"webhooks[{i++}]")) is { } target)
            {
                result.Add(target);
            }
        }

        return result.Count == count ? result : null;
    }

    private WebhookTarget? ReadWebhook(JsonElement webhook, string path)
    {
        if (webhook.ValueKind != JsonValueKind.Object)
        {
            Error(path, "must be an object with url and secret");
            return null;
        }

        var properties = Properties(webhook, path, WebhookProperties, "a webhook", IgnoredWebhookProperties);
        Uri? url = null;
        if (!TryGet(properties, "url", out var urlElement))
        {
            Error(path + ".url", "required: the absolute http or https URL that alerts are POSTed to");
        }
        else if (urlElement.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(urlElement.GetString(), UriKind.Absolute, out url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Error(path + ".url", $"{Describe(urlElement)} must be an absolute http or https URL");
            url = null;
        }
        else if (url.UserInfo.Length > 0)
        {
            Error(path + ".url", "must not carry credentials (user:password@); put them in the webhook's secret or the receiver's URL path");
            url = null;
        }
        else if (!context.AllowList.Allows(url, out var reason))
        {
            Error(path + ".url", reason);
            url = null;
        }

        string? secret = null;
        if (!TryGet(properties, "secret", out var secretElement))
        {
            Error(path + ".secret", Invariant(
                $"required: a shared secret of {AlertRuleParser.MinSecretLength} to {AlertRuleParser.MaxSecretLength} characters that signs each delivery"));
        }
        else if (secretElement.ValueKind != JsonValueKind.String)
        {
            Error(path + ".secret", "must be a string");
        }
        else
        {
            secret = secretElement.GetString()!;
            if (secret.Length is < AlertRuleParser.MinSecretLength or > AlertRuleParser.MaxSecretLength)
            {
                // Never echo the secret itself.
                Error(path + ".secret", Invariant(
                    $"must be {AlertRuleParser.MinSecretLength} to {AlertRuleParser.MaxSecretLength} characters long (it has {secret.Length})"));
                secret = null;
            }
        }

        return url is null || secret is null ? null : new WebhookTarget(url, secret);
    }

    /// <summary>
    /// Reads an array whose items <paramref name="readItem"/> converts (reporting its own errors and returning false).
    /// Null when the property is absent or anything was wrong.
    /// </summary>
    private List<T>? ReadArray<T>(
        Dictionary<string, JsonElement> properties,
        string name,
        string path,
        int maxCount,
        string what,
        bool allowEmpty,
        ItemReader<T> readItem)
    {
        if (!TryGet(properties, name, out var array))
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"must be an array of {what}");
            return null;
        }

        var count = array.GetArrayLength();
        if (count == 0 && !allowEmpty)
        {
            Error(path, $"must list at least one of the {what} (leave it out to match any)");
            return null;
        }

        if (count > maxCount)
        {
            Error(path, Invariant($"{count} entries; at most {maxCount} are allowed"));
            return null;
        }

        var result = new List<T>(count);
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (readItem(item, Invariant($"{path}[{i++}]"), out var value))
            {
                result.Add(value);
            }
        }

        return result.Count == count ? result : null;
    }

    private bool ReadText(JsonElement item, string path, out string text)
    {
        const int MaxLength = 32;
        text = "";
        if (item.ValueKind != JsonValueKind.String)
        {
            Error(path, "must be a string");
            return false;
        }

        text = item.GetString()!.Trim();
        if (text.Length == 0 || text.Length > MaxLength)
        {
            Error(path, Invariant($"must be 1 to {MaxLength} characters"));
            return false;
        }

        return true;
    }

    private string? ReadString(Dictionary<string, JsonElement> properties, string name, string path, int maxLength, bool trim)
    {
        if (!TryGet(properties, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, "must be a string");
            return null;
        }

        var text = value.GetString()!;
        if (trim)
        {
            text = text.Trim();
        }

        if (text.Length == 0 || text.Length > maxLength)
        {
            Error(path, Invariant($"must be 1 to {maxLength} characters"));
            return null;
        }

        return text;
    }

    private bool? ReadBoolean(Dictionary<string, JsonElement> properties, string name, string path)
    {
        if (!TryGet(properties, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(path, "must be true or false");
            return null;
        }

        return value.GetBoolean();
    }

    private double? ReadNumber(Dictionary<string, JsonElement> properties, string name, string path, string mustBe)
    {
        if (!TryGet(properties, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Error(path, mustBe);
            return null;
        }

        return number;
    }

    /// <summary>
    /// A duration given as a number of <paramref name="unit"/> (<paramref name="secondsPerUnit"/> seconds each), kept
    /// to the millisecond.
    /// </summary>
    private TimeSpan? ReadDuration(
        Dictionary<string, JsonElement> properties,
        string name,
        string path,
        double secondsPerUnit,
        double max,
        string unit,
        bool allowZero)
    {
        var range = allowZero ? Invariant($"from 0 to {max}") : Invariant($"greater than 0 and at most {max}");
        var number = ReadNumber(properties, name, path, $"must be a number of {unit}, {range}");
        if (number is not { } value)
        {
            return null;
        }

        var duration = TimeSpan.FromMilliseconds(Math.Round(value * secondsPerUnit * 1000));
        if (value < 0 || value > max || (!allowZero && duration <= TimeSpan.Zero))
        {
            Error(path, $"must be {range} {unit}");
            return null;
        }

        return duration;
    }

    /// <summary>
    /// The object's properties by their canonical names (matched case-insensitively). Reports unknown and repeated
    /// properties; <paramref name="ignored"/> names are skipped without an error.
    /// </summary>
    private Dictionary<string, JsonElement> Properties(JsonElement obj, string path, string[] known, string what, string[]? ignored = null)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var canonical = Array.Find(known, k => k.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                if (ignored is null || !ignored.Any(i => i.Equals(property.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    Error(Join(path, property.Name), $"unknown property \"{property.Name}\" of {what}: expected {string.Join(", ", known)}");
                }
            }
            else if (!result.TryAdd(canonical, property.Value))
            {
                Error(Join(path, canonical), "given more than once");
            }
        }

        return result;
    }

    /// <summary>The property's value, false when it is absent or null.</summary>
    private static bool TryGet(Dictionary<string, JsonElement> properties, string name, out JsonElement value) =>
        properties.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Matches an enum member by name only (any case); numbers and combinations are refused.</summary>
    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (candidate.ToString().Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>A JSON value as the user wrote it, shortened, for messages.</summary>
    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private void Error(string field, string message)
    {
        if (errors.Count < AlertRuleParser.MaxErrors)
        {
            errors.Add(new RuleValidationError(field, message));
        }
    }
}
