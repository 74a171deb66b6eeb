namespace LiveTrack.Server.Apis.Contracts;

/// <summary>
/// A webhook delivery given up, as listed by <c>GET /api/alerts/dead-letters</c>. <see cref="Url"/> is redacted
/// (scheme, host and port only) unless the caller presented a writer's key: a hook's path and query are often its
/// credential.
/// </summary>
public sealed record DeadLetterView(string Id, Alert Alert, string Url, int Attempts, string? LastError, DateTimeOffset FirstAttemptAt, DateTimeOffset DeadAt)
{
    public static DeadLetterView From(DeadLetter letter, bool full)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new DeadLetterView(letter.Id, letter.Alert, full ? letter.Url : WebhookUrls.Redact(letter.Url), letter.Attempts, letter.LastError, letter.FirstAttemptAt, letter.DeadAt);
    }
}
