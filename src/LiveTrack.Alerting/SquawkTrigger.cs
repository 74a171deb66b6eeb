namespace LiveTrack.Alerting;

/// <summary>Fires when an aircraft has squawked one of <see cref="Codes"/> for <see cref="HeldFor"/> (zero: at once).</summary>
public sealed record SquawkTrigger(IReadOnlySet<string> Codes, TimeSpan HeldFor) : RuleTrigger;
