namespace LiveTrack.Alerting;

/// <summary>The condition of an <see cref="AlertRule"/>.</summary>
public abstract record RuleTrigger;
