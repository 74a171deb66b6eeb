namespace LiveTrack;

/// <summary>
/// The cluster's one alert journal: records alerts once (by id), keeps the history, and hands each new alert to the
/// hub clients of every silo and to the rule's webhooks. Sees alerts only, never traffic.
/// </summary>
[Alias("livetrack.IAlertJournalGrain")]
public interface IAlertJournalGrain : IGrainWithStringKey
{
    /// <summary>The journal's key.</summary>
    public const string Key = "alerts";

    /// <summary>Records alerts; an id already recorded is ignored. Returns how many were new.</summary>
    [Alias("Record")]
    Task<int> Record(Alert[] alerts);

    [Alias("Query")]
    Task<AlertPage> Query(AlertQuery query);

    [Alias("Find")]
    Task<Alert?> Find(string alertId);

    [Alias("DeadLetters")]
    Task<DeadLetter[]> DeadLetters();

    /// <summary>Queues a dead letter for delivery again (and removes it from the list); false when unknown.</summary>
    [Alias("Resend")]
    Task<bool> Resend(string deadLetterId);
}
