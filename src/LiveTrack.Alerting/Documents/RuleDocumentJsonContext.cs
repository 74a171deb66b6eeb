using System.Text.Json.Serialization;

namespace LiveTrack.Alerting.Documents;

/// <summary>
/// Source-generated serialization of rule documents: camelCase, strict on input (an unknown or repeated property is
/// an error: a typo never silently widens a rule; numbers are never read from strings), <c>kind</c> anywhere in a
/// trigger object.
/// </summary>
[JsonSourceGenerationOptions(
    System.Text.Json.JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    AllowOutOfOrderMetadataProperties = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(AlertRuleDocument))]
[JsonSerializable(typeof(AlertRuleDocument[]))]
public sealed partial class RuleDocumentJsonContext : JsonSerializerContext;
