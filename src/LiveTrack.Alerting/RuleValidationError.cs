namespace LiveTrack.Alerting;

/// <summary>
/// One problem found in an alert-rule document. <see cref="Field"/> is a JSON path relative to the document root,
/// ready for the <c>errors</c> member of RFC 7807 problem details: <c>trigger.kind</c>, <c>filter.icao[2]</c>,
/// <c>webhooks[0].url</c>. <c>$</c> names the whole document.
/// </summary>
/// <param name="Field">Where the problem is.</param>
/// <param name="Message">What is wrong, in words meant for the person who wrote the document.</param>
public sealed record RuleValidationError(string Field, string Message);
