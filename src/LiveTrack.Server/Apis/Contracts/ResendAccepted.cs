namespace LiveTrack.Server.Apis.Contracts;

/// <summary>The answer to <c>POST /api/alerts/dead-letters/{id}/resend</c>: the delivery is queued again.</summary>
public sealed record ResendAccepted(string Id, string Status);
