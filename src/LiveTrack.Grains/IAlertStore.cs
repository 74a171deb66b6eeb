namespace LiveTrack.Grains;

/// <summary>
/// Where the alert journal keeps history and dead letters, and how it hands alerts to webhooks: host services on the
/// journal's silo. The embedded default keeps files; delivery runs in the background, never in the grain.
/// </summary>
public interface IAlertStore
{
    /// <summary>Appends an alert; false when its id is already stored.</summary>
    Task<bool> Append(Alert alert);

    /// <summary>A page of alerts, newest first.</summary>
    Task<AlertPage> Query(AlertQuery query);

    /// <summary>One alert, or null when it is not stored.</summary>
    Task<Alert?> Find(string alertId);
}
