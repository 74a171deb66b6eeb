using LiveTrack.Alerting;

namespace LiveTrack.Grains;

/// <summary>The alert rules a silo evaluates: an immutable set replaced as rules change (the host's rule catalog).</summary>
public interface IAlertRuleProvider
{
    RuleSet Current { get; }
}

/// <summary>No rules (a silo whose host provides none).</summary>
internal sealed class NoAlertRules : IAlertRuleProvider
{
    public RuleSet Current => RuleSet.Empty;
}

/// <summary>No history and no webhooks (a silo whose host provides none, e.g. grain tests).</summary>
internal sealed class InMemoryAlertStore : IAlertStore, IAlertDelivery
{
    private readonly Lock gate = new();
    private readonly List<Alert> alerts = [];

    public Task<bool> Append(Alert alert)
    {
        lock (gate)
        {
            if (alerts.Exists(a => a.Id == alert.Id))
            {
                return Task.FromResult(false);
            }

            alerts.Add(alert);
            return Task.FromResult(true);
        }
    }

    public Task<AlertPage> Query(AlertQuery query)
    {
        lock (gate)
        {
            return Task.FromResult(new AlertPage([.. alerts.AsEnumerable().Reverse().Take(query.Limit)], null));
        }
    }

    public Task<Alert?> Find(string alertId)
    {
        lock (gate)
        {
            return Task.FromResult(alerts.Find(a => a.Id == alertId));
        }
    }

    public Task Enqueue(Alert alert, IReadOnlyList<WebhookTarget> webhooks) => Task.CompletedTask;

    public Task<IReadOnlyList<DeadLetter>> DeadLetters() => Task.FromResult<IReadOnlyList<DeadLetter>>([]);

    public Task<bool> Resend(string deadLetterId) => Task.FromResult(false);
}
