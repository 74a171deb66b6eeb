namespace LiveTrack.Alerting.Documents;

/// <summary><c>{"kind": "emergency", "heldSeconds"}</c>.</summary>
public sealed record EmergencyTriggerDocument : TriggerDocument
{
    public double? HeldSeconds { get; init; }
}
