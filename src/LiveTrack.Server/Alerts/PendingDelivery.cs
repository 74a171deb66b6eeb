namespace LiveTrack.Server.Alerts;

/// <summary>
/// A webhook delivery not yet acknowledged: stored before its first attempt and removed on success or when it becomes
/// a dead letter, so a delivery in flight when the server stops or crashes is resumed at the next start with the same
/// <see cref="Id"/> and the alert id as idempotency key. The secret is not stored: it is the rule's current one.
/// </summary>
public sealed record PendingDelivery(string Id, Alert Alert, string Url, DateTimeOffset QueuedAt)
{
    /// <summary>Attempts made so far (the next one is numbered one more).</summary>
    public int Attempts { get; init; }

    /// <summary>What went wrong in the last attempt.</summary>
    public string? LastError { get; init; }
}
