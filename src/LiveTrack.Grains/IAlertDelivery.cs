using LiveTrack.Alerting;

namespace LiveTrack.Grains;

/// <summary>Webhook delivery: queue an alert for a rule's webhooks; list and re-send dead letters.</summary>
public interface IAlertDelivery
{
    /// <summary>Queues the alert for each webhook of the rule; returns at once.</summary>
    void Enqueue(Alert alert, IReadOnlyList<WebhookTarget> webhooks);

    IReadOnlyList<DeadLetter> DeadLetters();

    Task<bool> Resend(string deadLetterId);
}
