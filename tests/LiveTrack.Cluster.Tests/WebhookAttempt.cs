namespace LiveTrack.Cluster.Tests;

/// <summary>One request <see cref="FlakyWebhookReceiver"/> received, with the status it answered and when (test clock).</summary>
public sealed record WebhookAttempt(string? IdempotencyKey, string? DeliveryId, int Attempt, bool SignatureValid, int Status, TimeSpan At);
