using System.Text.Encodings.Web;
using System.Text.Json;
using LiveTrack.Alerting.Documents;
using static System.FormattableString;

namespace LiveTrack.Alerting;

/// <summary>
/// The one semantic validation step of <see cref="AlertRuleParser"/>: checks the values of a rule document the
/// serializer has read (its shape is already right), collecting every error with its field path, and builds the
/// rule. Single use.
/// </summary>
internal sealed class RuleDocumentValidator(RuleValidationContext context)
{
    internal const string IdCharacters = "must be 1–64 characters of A–Z a–z 0–9 . _ ~ -, not \".\" or \"..\"";
    internal const string TriggerKinds = "geofence, squawk or emergency";
    internal const string EventKinds = "entered, exited or lostInside";
    internal const string SquawkFormat = "4 digits 0–7, e.g. \"7700\"";
    internal const string IcaoFormat = "expected 6 hex digits (ae01c5), ~ and 6 hex digits for a non-ICAO address (~1a2b3c), or a range (ae0000-afffff)";
    internal static readonly string SourceNames = string.Join(", ", Enum.GetNames<PositionSource>());

    private readonly List<RuleValidationError> errors = [];

    public RuleParseResult Validate(AlertRuleDocument? document)
    {
        if (document is null)
        {
            Error("$", "expected a JSON object: an alert rule");
            return new RuleParseResult(null, errors);
        }

        var id = ReadId(document.Id);
        var name = ReadString(document.Name, "name", AlertRuleParser.MaxNameLength, trim: true);
        var trigger = ReadTrigger(document.Trigger);
        var filter = ReadFilter(document.Filter);
        var cooldown = ReadDuration(document.CooldownSeconds, "cooldownSeconds", 1, AlertRuleParser.MaxCooldownSeconds, "seconds", allowZero: true);
        var webhooks = ReadWebhooks(document.Webhooks);

        if (errors.Count > 0 || id is null || trigger is null || filter is null || webhooks is null)
        {
            return new RuleParseResult(null, errors);
        }

        var rule = new AlertRule
        {
            Id = id,
            Name = name ?? id,
            Enabled = document.Enabled ?? true,
            Trigger = trigger,
            Filter = filter,
            Cooldown = cooldown ?? TimeSpan.Zero,
            Webhooks = webhooks,
        };
        return new RuleParseResult(rule, errors);
    }

    private string? ReadId(string? bodyId)
    {
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
            Error("id", "id is required");
            return null;
        }

        if (!AlertRuleParser.IsValidId(bodyId))
        {
            Error("id", IdCharacters);
            return null;
        }

        return bodyId;
    }

    private RuleTrigger? ReadTrigger(TriggerDocument? trigger)
    {
        switch (trigger)
        {
            case null:
                Error("trigger", $"required: an object with a kind ({TriggerKinds}) and its settings");
                return null;
            case GeofenceTriggerDocument geofence:
                return ReadGeofenceTrigger(geofence);
            case SquawkTriggerDocument squawk:
                return ReadSquawkTrigger(squawk);
            case EmergencyTriggerDocument emergency:
                var held = ReadHeld(emergency.HeldSeconds);
                return held is null ? null : new EmergencyTrigger(held.Value);
            default:
                Error("trigger.kind", $"expected {TriggerKinds}");
                return null;
        }
    }

    private GeofenceTrigger? ReadGeofenceTrigger(GeofenceTriggerDocument trigger)
    {
        var errorsBefore = errors.Count;
        var fenceId = ReadString(trigger.FenceId, "trigger.fenceId", AlertRuleParser.MaxIdLength, trim: false);
        var tag = ReadString(trigger.Tag, "trigger.tag", AlertRuleParser.MaxTagLength, trim: true);

        if (trigger.FenceId is not null && trigger.Tag is not null)
        {
            Error("trigger.tag", "give either fenceId (one geofence) or tag (every geofence with the tag), not both");
        }
        else if (trigger.FenceId is null && trigger.Tag is null)
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

        var kinds = ReadEvents(trigger.Events);
        var dwell = ReadDuration(trigger.DwellMinutes, "trigger.dwellMinutes", 60, AlertRuleParser.MaxDwellMinutes, "minutes", allowZero: false);
        if (dwell is not null && kinds is not null && (kinds.Count != 1 || !kinds.Contains(GeofenceEventKind.Entered)))
        {
            Error("trigger.dwellMinutes", "only applies when events is [\"entered\"]: the dwell is timed from entering the fence");
        }

        return errors.Count > errorsBefore || kinds is null
            ? null
            : new GeofenceTrigger(fenceId, tag, kinds, dwell);
    }

    private HashSet<GeofenceEventKind>? ReadEvents(IReadOnlyList<string?>? events)
    {
        const string Path = "trigger.events";
        if (events is null)
        {
            return [GeofenceEventKind.Entered];
        }

        if (events.Count == 0)
        {
            Error(Path, $"must list at least one event kind: {EventKinds}");
            return null;
        }

        var kinds = new HashSet<GeofenceEventKind>();
        var valid = true;
        for (var i = 0; i < events.Count; i++)
        {
            var path = Invariant($"{Path}[{i}]");
            if (events[i] is not { } text || !TryParseName<GeofenceEventKind>(text, out var kind))
            {
                Error(path, $"{Quote(events[i])} is not an event kind: expected {EventKinds}");
                valid = false;
            }
            else if (!kinds.Add(kind))
            {
                Error(path, $"{Quote(text)} is listed more than once");
                valid = false;
            }
        }

        return valid ? kinds : null;
    }

    private SquawkTrigger? ReadSquawkTrigger(SquawkTriggerDocument trigger)
    {
        const string Path = "trigger.codes";
        List<string>? codes = null;
        if (trigger.Codes is null)
        {
            Error(Path, Invariant($"required: 1 to {AlertRuleParser.MaxSquawkCodes} squawk codes of 4 digits 0–7, e.g. [\"7500\", \"7600\", \"7700\"]"));
        }
        else
        {
            codes = ReadList<string>(trigger.Codes, Path, AlertRuleParser.MaxSquawkCodes, "squawk codes (4 digits 0–7, e.g. \"7700\")", allowEmpty: false, ReadSquawk);
        }

        var held = ReadHeld(trigger.HeldSeconds);
        return codes is null || held is null
            ? null
            : new SquawkTrigger(new HashSet<string>(codes, StringComparer.Ordinal), held.Value);
    }

    private bool ReadSquawk(string? item, string path, out string code)
    {
        code = item ?? "";
        if (code.Length == 4 && code.All(c => c is >= '0' and <= '7'))
        {
            return true;
        }

        Error(path, $"{Quote(item)} is not a squawk code: expected {SquawkFormat}");
        return false;
    }

    private TimeSpan? ReadHeld(double? heldSeconds)
    {
        var errorsBefore = errors.Count;
        var held = ReadDuration(heldSeconds, "trigger.heldSeconds", 1, AlertRuleParser.MaxHeldSeconds, "seconds", allowZero: true);
        return errors.Count > errorsBefore ? null : held ?? TimeSpan.Zero;
    }

    private AircraftFilter? ReadFilter(FilterDocument? filter)
    {
        if (filter is null)
        {
            return AircraftFilter.Any;
        }

        var errorsBefore = errors.Count;
        var icao = ReadOptionalList<IcaoRange>(filter.Icao, "filter.icao", "ICAO addresses or ranges", allowEmpty: false, ReadIcao);
        var callsign = ReadCallsign(filter.Callsign);
        var registrations = ReadOptionalList<string>(filter.Registrations, "filter.registrations", "registrations", allowEmpty: false, ReadText);
        var typeCodes = ReadOptionalList<string>(filter.TypeCodes, "filter.typeCodes", "ICAO type designators", allowEmpty: false, ReadText);
        var altitude = ReadBand(filter.AltitudeFeet, "filter.altitudeFeet");
        var speed = ReadBand(filter.SpeedKnots, "filter.speedKnots");
        var sources = ReadSources(filter.Sources, "sources", allowEmpty: false);
        var excludeSources = ReadSources(filter.ExcludeSources, "excludeSources", allowEmpty: true);

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
            Military = filter.Military,
            AltitudeFeet = altitude,
            SpeedKnots = speed,
            Sources = sources,
            ExcludeSources = excludeSources,
        };
    }

    private bool ReadIcao(string? item, string path, out IcaoRange range)
    {
        var text = item?.Trim();
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
            Error(path, $"{Quote(item)} is not an aircraft address: {IcaoFormat}");
        }

        return false;
    }

    private System.Text.RegularExpressions.Regex? ReadCallsign(string? callsign)
    {
        var pattern = ReadString(callsign, "filter.callsign", AlertRuleParser.MaxCallsignPatternLength, trim: false);
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

    private NumberBand? ReadBand(BandDocument? band, string path)
    {
        if (band is null)
        {
            return null;
        }

        var errorsBefore = errors.Count;
        var min = ReadNumber(band.Min, path + ".min", "must be a number");
        var max = ReadNumber(band.Max, path + ".max", "must be a number");
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

    private HashSet<PositionSource>? ReadSources(IReadOnlyList<string?>? names, string name, bool allowEmpty) =>
        ReadOptionalList<PositionSource>(names, "filter." + name, "position sources", allowEmpty, ReadSource, maxCount: 16)?.ToHashSet();

    private bool ReadSource(string? item, string path, out PositionSource source)
    {
        if (item is not null && TryParseName(item, out source))
        {
            return true;
        }

        Error(path, $"{Quote(item)} is not a position source: expected one of {SourceNames}");
        source = default;
        return false;
    }

    private List<WebhookTarget>? ReadWebhooks(IReadOnlyList<WebhookDocument?>? webhooks)
    {
        if (webhooks is null)
        {
            return [];
        }

        if (webhooks.Count > AlertRuleParser.MaxWebhooks)
        {
            Error("webhooks", Invariant($"{webhooks.Count} webhooks; at most {AlertRuleParser.MaxWebhooks} are allowed"));
            return null;
        }

        var result = new List<WebhookTarget>(webhooks.Count);
        for (var i = 0; i < webhooks.Count; i++)
        {
            if (ReadWebhook(webhooks[i], Invariant($"webhooks[{i}]")) is { } target)
            {
                result.Add(target);
            }
        }

        return result.Count == webhooks.Count ? result : null;
    }

    private WebhookTarget? ReadWebhook(WebhookDocument? webhook, string path)
    {
        if (webhook is null)
        {
            Error(path, "must be an object with url and secret");
            return null;
        }

        Uri? url = null;
        if (webhook.Url is null)
        {
            Error(path + ".url", "required: the absolute http or https URL that alerts are POSTed to");
        }
        else if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Error(path + ".url", $"{Quote(webhook.Url)} must be an absolute http or https URL");
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

        var secret = webhook.Secret;
        if (secret is null)
        {
            Error(path + ".secret", Invariant(
                $"required: a shared secret of {AlertRuleParser.MinSecretLength} to {AlertRuleParser.MaxSecretLength} characters that signs each delivery"));
        }
        else if (secret.Length is < AlertRuleParser.MinSecretLength or > AlertRuleParser.MaxSecretLength)
        {
            // Never echo the secret itself.
            Error(path + ".secret", Invariant(
                $"must be {AlertRuleParser.MinSecretLength} to {AlertRuleParser.MaxSecretLength} characters long (it has {secret.Length})"));
            secret = null;
        }

        return url is null || secret is null ? null : new WebhookTarget(url, secret);
    }

    private List<T>? ReadOptionalList<T>(IReadOnlyList<string?>? items, string path, string what, bool allowEmpty, ItemReader<T> readItem, int maxCount = AlertRuleParser.MaxFilterEntries) =>
        items is null ? null : ReadList(items, path, maxCount, what, allowEmpty, readItem);

    /// <summary>
    /// Checks a list whose items <paramref name="readItem"/> converts (reporting its own errors and returning false).
    /// Null when anything was wrong.
    /// </summary>
    private List<T>? ReadList<T>(IReadOnlyList<string?> items, string path, int maxCount, string what, bool allowEmpty, ItemReader<T> readItem)
    {
        if (items.Count == 0 && !allowEmpty)
        {
            Error(path, $"must list at least one of the {what} (leave it out to match any)");
            return null;
        }

        if (items.Count > maxCount)
        {
            Error(path, Invariant($"{items.Count} entries; at most {maxCount} are allowed"));
            return null;
        }

        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (readItem(items[i], Invariant($"{path}[{i}]"), out var value))
            {
                result.Add(value);
            }
        }

        return result.Count == items.Count ? result : null;
    }

    private bool ReadText(string? item, string path, out string text)
    {
        const int MaxLength = 32;
        text = item?.Trim() ?? "";
        if (item is null)
        {
            Error(path, "must be a string");
            return false;
        }

        if (text.Length == 0 || text.Length > MaxLength)
        {
            Error(path, Invariant($"must be 1 to {MaxLength} characters"));
            return false;
        }

        return true;
    }

    private string? ReadString(string? value, string path, int maxLength, bool trim)
    {
        if (value is null)
        {
            return null;
        }

        var text = trim ? value.Trim() : value;
        if (text.Length == 0 || text.Length > maxLength)
        {
            Error(path, Invariant($"must be 1 to {maxLength} characters"));
            return null;
        }

        return text;
    }

    private double? ReadNumber(double? value, string path, string mustBe)
    {
        if (value is { } number && !double.IsFinite(number))
        {
            Error(path, mustBe);
            return null;
        }

        return value;
    }

    /// <summary>
    /// A duration given as a number of <paramref name="unit"/> (<paramref name="secondsPerUnit"/> seconds each), kept
    /// to the millisecond.
    /// </summary>
    private TimeSpan? ReadDuration(double? given, string path, double secondsPerUnit, double max, string unit, bool allowZero)
    {
        var range = DurationRange(max, allowZero);
        if (ReadNumber(given, path, $"must be a number of {unit}, {range}") is not { } value)
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

    internal static string DurationRange(double max, bool allowZero) =>
        allowZero ? Invariant($"from 0 to {max}") : Invariant($"greater than 0 and at most {max}");

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

    /// <summary>A string as JSON would write it (<c>null</c> for none), shortened, for messages.</summary>
    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var json = "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
        return json.Length <= 80 ? json : string.Concat(json.AsSpan(0, 77), "...");
    }

    private void Error(string field, string message)
    {
        if (errors.Count < AlertRuleParser.MaxErrors)
        {
            errors.Add(new RuleValidationError(field, message));
        }
    }

    private delegate bool ItemReader<T>(string? item, string path, out T value);
}
