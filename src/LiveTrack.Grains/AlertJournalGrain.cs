using System.Diagnostics;
using LiveTrack.Telemetry;

namespace LiveTrack.Grains;

/// <summary>The cluster's alert journal (see <see cref="IAlertJournalGrain"/>).</summary>
[GrainType("alert-journal")]
public sealed class AlertJournalGrain(
    IAlertStore store,
    IAlertDelivery delivery,
    IAlertRuleProvider rules,
    ITrafficOutbox outbox) : Grain, IAlertJournalGrain
{
    public async Task<int> Record(Alert[] alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var added = 0;
        foreach (var alert in alerts)
        {
            using var span = LiveTrackDiagnostics.StartFrom(Spans.AlertRecord, ActivityKind.Internal, alert.TraceParent);
            span?.SetTag(Tags.AlertId, alert.Id);
            span?.SetTag(Tags.RuleId, alert.RuleId);
            if (!await store.Append(alert))
            {
                continue; // The same condition evaluated again: already recorded and delivered.
            }

            added++;
            var recorded = alert with { TraceParent = LiveTrackDiagnostics.TraceParentOf(span) ?? alert.TraceParent };
            outbox.Alert(recorded);
            if (rules.Current.Find(alert.RuleId) is { Webhooks.Count: > 0 } rule)
            {
                await delivery.Enqueue(recorded, rule.Webhooks);
            }
        }

        return added;
    }

    public Task<AlertPage> Query(AlertQuery query) => store.Query(query);

    public Task<Alert?> Find(string alertId) => store.Find(alertId);

    public async Task<DeadLetter[]> DeadLetters() => [.. await delivery.DeadLetters()];

    public Task<bool> Resend(string deadLetterId) => delivery.Resend(deadLetterId);
}
