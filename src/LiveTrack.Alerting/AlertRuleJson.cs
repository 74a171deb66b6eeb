using System.Text.Encodings.Web;
using System.Text.Json;
using LiveTrack.Alerting.Documents;

namespace LiveTrack.Alerting;

/// <summary>
/// Writes alert rules in the document format <see cref="AlertRuleParser"/> reads (the <see cref="AlertRuleDocument"/>
/// shape, source-generated): the rule store's files (with secrets) and API-shaped text (without them).
/// </summary>
public static class AlertRuleJson
{
    // The output is a JSON API body or a file, never inlined in HTML, so regex characters such as + stay readable.
    private static readonly RuleDocumentJsonContext Context = new(new JsonSerializerOptions(RuleDocumentJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// The rule as a JSON document. With <paramref name="includeSecrets"/> false (API output), each webhook is written
    /// as <c>{"url": …, "hasSecret": true}</c>: the document re-parses once the secrets are put back.
    /// </summary>
    public static string Write(AlertRule rule, bool includeSecrets) =>
        JsonSerializer.Serialize(AlertRuleDocument.From(rule, includeSecrets), Context.AlertRuleDocument);
}
