namespace LiveTrack.Alerting;

/// <summary>
/// Where a rule's alerts are POSTed. Each delivery is signed with <see cref="Secret"/> (see <see cref="WebhookSignature"/>).
/// </summary>
public sealed record WebhookTarget(Uri Url, string Secret)
{
    /// <summary>Never shows the secret (records print every member by default, and rules end up in logs).</summary>
    public override string ToString() => $"WebhookTarget {{ Url = {Url}, Secret = *** }}";
}
