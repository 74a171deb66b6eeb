using LiveTrack.Alerting;

namespace LiveTrack.Grains;

/// <summary>Webhook delivery: queue an alert for a rule's webhooks; list and re-send dead letters.</summary>
public interface IAlertDelivery
{
    /// <summary>Queues the alert for each webhook of the rule (durably, where the host keeps a queue); delivery runs in the background.</summary>
    Task Enqueue(Alert alert, IReadOnlyList<WebhookTarget> webhooks);

    /// <summary>The kept dead letters, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLetters();

    Task<bool> Resend(string deadLetterId);
}
