using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Server.Apis.History;

/// <summary>Source-generated JSON for the history endpoints (camelCase, enums as strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TrackResponse))]
[JsonSerializable(typeof(AreaAircraftList))]
[JsonSerializable(typeof(EventLog))]
[JsonSerializable(typeof(HistoryStatus))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
