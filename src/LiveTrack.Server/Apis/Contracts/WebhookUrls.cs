namespace LiveTrack.Server.Apis.Contracts;

/// <summary>How webhook URLs are shown to callers who may read but not write.</summary>
public static class WebhookUrls
{
    /// <summary>Scheme, host and port only (<c>https://hooks.example.com/…</c>): path, query and fragment removed.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Redact(uri) : "(not a URL)";

    /// <inheritdoc cref="Redact(string)"/>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetLeftPart(UriPartial.Authority) + "/…";
    }
}
