namespace LiveTrack;

/// <summary>What kind of condition fired an alert.</summary>
[GenerateSerializer, Alias("livetrack.AlertTriggerKind")]
public enum AlertTriggerKind
{
    /// <summary>A geofence event (entered, exited or lost inside).</summary>
    Geofence = 0,
    /// <summary>The aircraft stayed inside a fence for at least the rule's dwell time.</summary>
    Dwell = 1,
    /// <summary>The aircraft squawked one of the rule's codes for at least the rule's hold time.</summary>
    Squawk = 2,
    /// <summary>The aircraft's emergency flag was set for at least the rule's hold time.</summary>
    Emergency = 3,
}
