namespace LiveTrack.Alerting;

/// <summary>Fires when an aircraft's emergency flag has been set for <see cref="HeldFor"/> (zero: at once).</summary>
public sealed record EmergencyTrigger(TimeSpan HeldFor) : RuleTrigger;
