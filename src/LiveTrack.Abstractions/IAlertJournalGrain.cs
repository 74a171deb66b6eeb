namespace LiveTrack;

/// <summary>A page of alert history, newest first.</summary>
/// <param name="Alerts">The alerts of this page.</param>
/// <param name="Next">Cursor for the next (older) page; null on the last page.</param>
[GenerateSerializer, Immutable, Alias("livetrack.AlertPage")]
public sealed record AlertPage([property: Id(0)] Alert[] Alerts, [property: Id(1)] string? Next);

/// <summary>Filter and page of an alert history query; every filter is optional.</summary>
[GenerateSerializer, Immutable, Alias("livetrack.AlertQuery")]
public sealed record AlertQuery
{
    [Id(0)] public string? RuleId { get; init; }
    [Id(1)] public string? Icao { get; init; }

    /// <summary>Alerts raised at or after this time.</summary>
    [Id(2)] public DateTimeOffset? From { get; init; }

    /// <summary>Alerts raised before this time.</summary>
    [Id(3)] public DateTimeOffset? To { get; init; }

    [Id(4)] public int Limit { get; init; } = 100;

    /// <summary>The <see cref="AlertPage.Next"/> of the previous page.</summary>
    [Id(5)] public string? Cursor { get; init; }
}

/// <summary>A webhook delivery given up after its retry time, kept to be inspected and re-sent.</summary>
[GenerateSerializer, Immutable, Alias("livetrack.DeadLetter")]
public sealed record DeadLetter
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required Alert Alert { get; init; }
    [Id(2)] public required string Url { get; init; }
    [Id(3)] public required int Attempts { get; init; }
    [Id(4)] public string? LastError { get; init; }
    [Id(5)] public required DateTimeOffset FirstAttemptAt { get; init; }
    [Id(6)] public required DateTimeOffset DeadAt { get; init; }
}

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

/// <summary>Evaluates the alert rules of one fence's events (implicitly subscribed to that fence's stream).</summary>
[Alias("livetrack.IFenceRulesGrain")]
public interface IFenceRulesGrain : IGrainWithStringKey
{
    /// <summary>Pending dwell timers and cooldowns held (diagnostics).</summary>
    [Alias("Tracked")]
    Task<int> Tracked();
}

/// <summary>Evaluates squawk and emergency rules for one partition of aircraft (implicitly subscribed to its signal stream).</summary>
[Alias("livetrack.ISignalRulesGrain")]
public interface ISignalRulesGrain : IGrainWithStringKey
{
    /// <summary>Pending holds and cooldowns held (diagnostics).</summary>
    [Alias("Tracked")]
    Task<int> Tracked();
}
