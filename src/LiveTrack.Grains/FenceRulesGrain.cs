using LiveTrack.Alerting;
using LiveTrack.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTrack.Grains;

/// <summary>
/// The rules of one fence: implicitly subscribed to the fence's event stream, so traffic is partitioned by fence and
/// no grain sees all of it. Rules naming the fence or one of its tags apply.
/// </summary>
[ImplicitStreamSubscription(LiveTrackStreams.GeofenceEventsNamespace)]
[GrainType("fence-rules")]
public sealed class FenceRulesGrain([PersistentState(RuleGrainState.Name, LiveTrackStorage.StateName)] IPersistentState<RuleGrainState> state, IAlertRuleProvider rules, IGeofenceIndexProvider geofences, TimeProvider timeProvider, IOptions<TrackingOptions> tracking, LiveTrackMetrics metrics, ILogger<FenceRulesGrain> logger)
    : RuleGrain<GeofenceEvent>(state, rules, timeProvider, tracking, metrics, logger), IFenceRulesGrain
{
    protected override IReadOnlyList<Alert> Evaluate(RuleEngine engine, GeofenceEvent item, RuleSet rules, DateTimeOffset now) =>
        engine.OnGeofenceEvent(item, geofences.Current.Find(item.FenceId)?.Tags ?? [], rules, now);

    protected override (string? TraceParent, string Icao) Describe(GeofenceEvent item) => (item.TraceParent, item.Icao);
}
