namespace LiveTrack.Alerting;

/// <summary>What a rule document is checked against besides its own content.</summary>
/// <param name="FenceExists">Whether a geofence id names an existing fence (a geofence trigger's <c>fenceId</c> must).</param>
/// <param name="AllowList">Where webhooks may point.</param>
public sealed record RuleValidationContext(Func<string, bool> FenceExists, WebhookAllowList AllowList)
{
    /// <summary>
    /// The rule id taken from the request path (<c>PUT /api/rules/{id}</c>). When set it is the rule's id, and an
    /// <c>id</c> in the body must equal it.
    /// </summary>
    public string? IdFromPath { get; init; }
}
