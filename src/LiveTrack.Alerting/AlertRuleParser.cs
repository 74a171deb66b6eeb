using System.Text.Json;
using LiveTrack.Alerting.Documents;
using LiveTrack.JsonShapes;

namespace LiveTrack.Alerting;

/// <summary>
/// Reads alert rules from their JSON documents (the REST API's bodies and the rule store's files): the
/// source-generated serializer reads the shape (<see cref="AlertRuleDocument"/>, strict: unknown and repeated
/// members and values of the wrong type are refused, naming their JSON path), then one validation step checks the
/// values and reports every problem with the field it is in.
/// </summary>
/// <remarks>
/// <para><b>Document.</b> An object with <c>id</c>, <c>name</c> (defaults to the id), <c>enabled</c> (default true),
/// <c>trigger</c> (required), <c>filter</c> (default: every aircraft), <c>cooldownSeconds</c> (default 0) and
/// <c>webhooks</c> (default none). Property names are case-insensitive, except a trigger's <c>kind</c> and its values,
/// which are lower case (the serializer's type discriminator); unknown and repeated properties are errors, so a typo
/// does not silently weaken a rule (a webhook's <c>hasSecret</c>, written by <see cref="AlertRuleJson.Write"/>
/// without secrets, is ignored). Numbers are JSON numbers, never strings. A document with a shape error (the
/// serializer's) reports that one error; a well-shaped document reports every value error.</para>
/// <para><b>Triggers.</b> <c>{"kind":"geofence","fenceId":…|"tag":…,"events":["entered","exited","lostInside"],
/// "dwellMinutes":…}</c> (events default to <c>["entered"]</c>; a dwell needs exactly <c>["entered"]</c>),
/// <c>{"kind":"squawk","codes":["7700"],"heldSeconds":…}</c>, <c>{"kind":"emergency","heldSeconds":…}</c>.</para>
/// <para><b>Durations</b> may have fractions and are kept to the millisecond.</para>
/// </remarks>
public static class AlertRuleParser
{
    /// <summary>Most errors reported for one document; the rest are not reported.</summary>
    public const int MaxErrors = 100;

    /// <summary>Longest rule id (also of a fence id).</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest rule name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest fence tag.</summary>
    public const int MaxTagLength = 64;

    /// <summary>Longest dwell time, in minutes (one day).</summary>
    public const double MaxDwellMinutes = 1_440;

    /// <summary>Longest hold time of a squawk or emergency trigger, in seconds (one hour).</summary>
    public const double MaxHeldSeconds = 3_600;

    /// <summary>Longest cooldown, in seconds (one day).</summary>
    public const double MaxCooldownSeconds = 86_400;

    /// <summary>Most squawk codes in one trigger.</summary>
    public const int MaxSquawkCodes = 64;

    /// <summary>Most entries in one filter list (icao, registrations, typeCodes).</summary>
    public const int MaxFilterEntries = 1_000;

    /// <summary>Longest callsign pattern.</summary>
    public const int MaxCallsignPatternLength = 256;

    /// <summary>Most webhooks of one rule.</summary>
    public const int MaxWebhooks = 10;

    /// <summary>Shortest webhook secret.</summary>
    public const int MinSecretLength = 16;

    /// <summary>Longest webhook secret.</summary>
    public const int MaxSecretLength = 256;

    /// <summary>Parses and validates one rule document.</summary>
    public static RuleParseResult Parse(string json, RuleValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement, context);
        }
        catch (JsonException e)
        {
            return NotJson(e);
        }
    }

    /// <inheritdoc cref="Parse(string, RuleValidationContext)"/>
    public static RuleParseResult Parse(ReadOnlyMemory<byte> utf8Json, RuleValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            return Parse(document.RootElement, context);
        }
        catch (JsonException e)
        {
            return NotJson(e);
        }
    }

    /// <inheritdoc cref="Parse(string, RuleValidationContext)"/>
    public static RuleParseResult Parse(JsonElement document, RuleValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = RuleDocumentJsonContext.Default.AlertRuleDocument;
        AlertRuleDocument? rule;
        try
        {
            rule = document.Deserialize(contract);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            var shape = ShapeErrors.Locate(e, document, contract) ?? throw new InvalidOperationException("Unexpected serializer error.", e);
            return new RuleParseResult(null, [RuleShapeMessages.For(shape)]);
        }

        return new RuleDocumentValidator(context).Validate(rule);
    }

    /// <summary>True for 1–64 characters of <c>A–Z a–z 0–9 . _ ~ -</c>, other than <c>.</c> and <c>..</c> (rule and fence ids).</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } and not ("." or "..") && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '-');

    private static RuleParseResult NotJson(JsonException e) =>
        new(null, [new RuleValidationError("$", $"not valid JSON: {e.Message}")]);
}
