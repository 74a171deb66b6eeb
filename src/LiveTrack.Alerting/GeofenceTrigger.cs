namespace LiveTrack.Alerting;

/// <summary>
/// Fires on geofence events of one fence (<see cref="FenceId"/>) or of every fence with a tag (<see cref="Tag"/>);
/// exactly one of the two is set. Without <see cref="Dwell"/> it fires on each event whose kind is in
/// <see cref="Kinds"/>; with it, when an aircraft has stayed inside for the dwell time (then <see cref="Kinds"/> is
/// just <see cref="GeofenceEventKind.Entered"/>).
/// </summary>
public sealed record GeofenceTrigger(string? FenceId, string? Tag, IReadOnlySet<GeofenceEventKind> Kinds, TimeSpan? Dwell) : RuleTrigger;
