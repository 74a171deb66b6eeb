namespace LiveTrack.Server.Tests;

/// <summary>One request <see cref="WebhookReceiver"/> received.</summary>
public sealed record ReceivedWebhook(byte[] Body, string? Signature, string? IdempotencyKey, string? Attempt, bool SignatureValid);
