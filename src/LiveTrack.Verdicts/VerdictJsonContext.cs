using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>Source-generated JSON for verdicts: camelCase members, enums as kebab-case strings, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.Unspecified,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Verdict))]
public sealed partial class VerdictJsonContext : JsonSerializerContext;
