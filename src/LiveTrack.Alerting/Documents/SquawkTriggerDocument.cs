namespace LiveTrack.Alerting.Documents;

/// <summary><c>{"kind": "squawk", "codes", "heldSeconds"}</c>.</summary>
public sealed record SquawkTriggerDocument : TriggerDocument
{
    public IReadOnlyList<string>? Codes { get; init; }

    public double? HeldSeconds { get; init; }
}
