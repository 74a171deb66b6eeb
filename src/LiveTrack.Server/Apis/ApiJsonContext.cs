using System.Text.Json.Serialization;
using LiveTrack.Alerting.Documents;
using LiveTrack.Ingestion;
using LiveTrack.Server.Apis.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LiveTrack.Server.Apis;

/// <summary>
/// Source-generated serialization of every REST request and response body and of the hub's frames: camelCase,
/// enums as their names. First in the host's resolver chain (<c>ConfigureHttpJsonOptions</c>, the hub's JSON and
/// MessagePack protocols).
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AircraftList))]
[JsonSerializable(typeof(AircraftState))]
[JsonSerializable(typeof(AircraftSnapshot))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(FeedStatusSnapshot[]))]
[JsonSerializable(typeof(IReadOnlyList<FeedStatusSnapshot>))]
[JsonSerializable(typeof(GeofenceFeature))]
[JsonSerializable(typeof(GeofenceFeaturePage))]
[JsonSerializable(typeof(GeofenceSummaryPage))]
[JsonSerializable(typeof(AlertRuleDocument))]
[JsonSerializable(typeof(AlertRuleDocument[]))]
[JsonSerializable(typeof(AlertPage))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(DeadLetterView[]))]
[JsonSerializable(typeof(ResendAccepted))]
[JsonSerializable(typeof(MapConfig))]
[JsonSerializable(typeof(PositionFrame))]
[JsonSerializable(typeof(ImportStatus))]
[JsonSerializable(typeof(ImportList))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
