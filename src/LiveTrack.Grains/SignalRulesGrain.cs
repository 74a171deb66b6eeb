using LiveTrack.Alerting;
using LiveTrack.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTrack.Grains;

/// <summary>
/// Squawk and emergency rules for one partition of aircraft (<see cref="LiveTrackStreams.SignalPartitions"/>), fed by
/// the aircraft grains' signal stream of that partition.
/// </summary>
[ImplicitStreamSubscription(LiveTrackStreams.SignalsNamespace)]
[GrainType("signal-rules")]
public sealed class SignalRulesGrain([PersistentState(RuleGrainState.Name, LiveTrackStorage.StateName)] IPersistentState<RuleGrainState> state, IAlertRuleProvider rules, TimeProvider timeProvider, IOptions<TrackingOptions> tracking, LiveTrackMetrics metrics, ILogger<SignalRulesGrain> logger)
    : RuleGrain<AircraftSignal>(state, rules, timeProvider, tracking, metrics, logger), ISignalRulesGrain
{
    protected override IReadOnlyList<Alert> Evaluate(RuleEngine engine, AircraftSignal item, RuleSet rules, DateTimeOffset now) =>
        engine.OnSignal(item, rules, now);

    protected override (string? TraceParent, string Icao) Describe(AircraftSignal item) => (item.TraceParent, item.Icao);
}
