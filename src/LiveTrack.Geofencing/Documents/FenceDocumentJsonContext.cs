using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Geofencing.Documents;

/// <summary>
/// Source-generated reading of fence documents: GeoJSON member names as RFC 7946 spells them (case-sensitive),
/// repeated members refused, numbers never read from strings, the geometry's <c>type</c> anywhere in its object.
/// Foreign members are kept (RFC 7946 §6.1) as extension data, so no member is ever unmapped.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    AllowOutOfOrderMetadataProperties = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(FeatureDocument))]
[JsonSerializable(typeof(FeatureCollectionDocument))]
public sealed partial class FenceDocumentJsonContext : JsonSerializerContext;
