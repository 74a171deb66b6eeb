using System.Text.Json;
using LiveTrack.Alerting.Documents;
using LiveTrack.JsonShapes;
using static System.FormattableString;

namespace LiveTrack.Alerting;

/// <summary>
/// The wording of the serializer's errors in a rule document (see <see cref="ShapeError"/>): the field, and a message
/// that says what belongs there in the rule's own terms.
/// </summary>
internal static class RuleShapeMessages
{
    private static readonly Dictionary<Type, string> Objects = new()
    {
        [typeof(AlertRuleDocument)] = "an alert rule",
        [typeof(GeofenceTriggerDocument)] = "a geofence trigger",
        [typeof(SquawkTriggerDocument)] = "a squawk trigger",
        [typeof(EmergencyTriggerDocument)] = "an emergency trigger",
        [typeof(FilterDocument)] = "a filter",
        [typeof(BandDocument)] = "a range",
        [typeof(WebhookDocument)] = "a webhook",
    };

    /// <summary>What belongs at a field, by its pattern (indices as <c>[]</c>), when the value has the wrong type.</summary>
    private static readonly Dictionary<string, Func<JsonElement?, string>> WrongType = new(StringComparer.Ordinal)
    {
        ["$"] = _ => "expected a JSON object: an alert rule",
        ["trigger"] = _ => $"must be an object with a kind ({RuleDocumentValidator.TriggerKinds}) and its settings",
        ["trigger.events"] = _ => $"must be an array of event kinds: {RuleDocumentValidator.EventKinds}",
        ["trigger.events[]"] = found => $"{ShapeErrors.Describe(found)} is not an event kind: expected {RuleDocumentValidator.EventKinds}",
        ["trigger.dwellMinutes"] = _ => Duration("minutes", AlertRuleParser.MaxDwellMinutes, allowZero: false),
        ["trigger.codes"] = _ => "must be an array of squawk codes (4 digits 0–7, e.g. \"7700\")",
        ["trigger.codes[]"] = found => found is { ValueKind: JsonValueKind.Number }
            ? $"{ShapeErrors.Describe(found)} must be written as a string of {RuleDocumentValidator.SquawkFormat}"
            : $"{ShapeErrors.Describe(found)} is not a squawk code: expected {RuleDocumentValidator.SquawkFormat}",
        ["trigger.heldSeconds"] = _ => Duration("seconds", AlertRuleParser.MaxHeldSeconds, allowZero: true),
        ["filter"] = _ => "must be an object (or null for every aircraft)",
        ["filter.icao"] = _ => "must be an array of ICAO addresses or ranges",
        ["filter.icao[]"] = found => $"{ShapeErrors.Describe(found)} is not an aircraft address: {RuleDocumentValidator.IcaoFormat}",
        ["filter.registrations"] = _ => "must be an array of registrations",
        ["filter.typeCodes"] = _ => "must be an array of ICAO type designators",
        ["filter.altitudeFeet"] = _ => "must be an object with min, max or both",
        ["filter.speedKnots"] = _ => "must be an object with min, max or both",
        ["filter.sources"] = _ => "must be an array of position sources",
        ["filter.sources[]"] = found => $"{ShapeErrors.Describe(found)} is not a position source: expected one of {RuleDocumentValidator.SourceNames}",
        ["filter.excludeSources"] = _ => "must be an array of position sources",
        ["filter.excludeSources[]"] = found => $"{ShapeErrors.Describe(found)} is not a position source: expected one of {RuleDocumentValidator.SourceNames}",
        ["cooldownSeconds"] = _ => Duration("seconds", AlertRuleParser.MaxCooldownSeconds, allowZero: true),
        ["webhooks"] = _ => "must be an array of webhooks ({ \"url\": …, \"secret\": … })",
        ["webhooks[]"] = _ => "must be an object with url and secret",
        ["webhooks[].url"] = found => $"{ShapeErrors.Describe(found)} must be an absolute http or https URL",
    };

    public static RuleValidationError For(ShapeError error)
    {
        switch (error.Kind)
        {
            case ShapeErrorKind.UnknownProperty:
                var what = error.Expected is { } type && Objects.TryGetValue(type.Type, out var name) ? name : "an object";
                return new(error.Field, $"unknown property \"{error.Name}\" of {what}: expected {string.Join(", ", error.KnownNames)}");
            case ShapeErrorKind.MissingDiscriminator when error.Found is { ValueKind: JsonValueKind.Object } found && !found.EnumerateObject().Any():
                return new(error.Parent, $"is empty: give a kind ({RuleDocumentValidator.TriggerKinds}) and its settings");
            case ShapeErrorKind.MissingDiscriminator:
                var written = error.Found?.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n.Equals("kind", StringComparison.OrdinalIgnoreCase));
                return new(error.Field, written is null
                    ? $"required: {RuleDocumentValidator.TriggerKinds}"
                    : $"required: {RuleDocumentValidator.TriggerKinds} (the member is \"kind\", in lower case, not \"{written}\")");
            case ShapeErrorKind.UnknownDiscriminator when error.Found is not { ValueKind: JsonValueKind.String }:
                return new(error.Field, $"must be a string: {RuleDocumentValidator.TriggerKinds}");
            case ShapeErrorKind.UnknownDiscriminator:
                var kind = error.Found!.Value.GetString()!;
                var known = error.KnownKinds.FirstOrDefault(k => k.Equals(kind, StringComparison.OrdinalIgnoreCase));
                return new(error.Field, known is null
                    ? $"unknown trigger kind \"{kind}\": expected {RuleDocumentValidator.TriggerKinds}"
                    : $"unknown trigger kind \"{kind}\": kinds are written in lower case (\"{known}\")");
            case ShapeErrorKind.WrongType when WrongType.TryGetValue(error.Pattern, out var message):
                return new(error.Field, message(error.Found));
            default:
                return new(error.Field, error.DefaultMessage);
        }
    }

    private static string Duration(string unit, double max, bool allowZero) =>
        Invariant($"must be a number of {unit}, {RuleDocumentValidator.DurationRange(max, allowZero)}");
}
