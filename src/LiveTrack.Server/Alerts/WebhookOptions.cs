using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Alerts;

/// <summary>Outgoing webhook delivery. Bound from <c>LiveTrack:Alerts:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Where webhooks may point: <c>host</c>, <c>host:port</c>, <c>*.domain</c> or an absolute URL prefix. Empty (the
    /// default) allows none, so no rule can make the server call an arbitrary (e.g. internal) address.
    /// </summary>
    public string[] AllowList { get; set; } = [];

    /// <summary>Time limit of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound of the first retry delay (full jitter; doubles per failure).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of any retry delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After this long without success a delivery becomes a dead letter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Deliveries in flight at once; more wait their turn (each webhook's retries wait without holding a slot).</summary>
    [Range(1, 10_000)]
    public int MaxConcurrent { get; set; } = 64;
}
