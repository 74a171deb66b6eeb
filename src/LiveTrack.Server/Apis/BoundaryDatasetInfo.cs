using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Server.Apis;

/// <summary>A boundary dataset LiveTrack knows; <paramref name="PackageVersion"/> and <paramref name="Countries"/> only when installed.</summary>
public sealed record BoundaryDatasetInfo(
    string Name,
    string Package,
    string? PackageVersion,
    bool Installed,
    double ResolutionM,
    double ToleranceNm,
    string Licence,
    string Attribution,
    int? Countries);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NationalAirspaceImportRequest))]
[JsonSerializable(typeof(NationalAirspaceImportResponse))]
[JsonSerializable(typeof(BoundaryDatasetList))]
internal sealed partial class NationalAirspaceJsonContext : JsonSerializerContext;
