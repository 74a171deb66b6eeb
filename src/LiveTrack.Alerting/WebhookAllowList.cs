using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace LiveTrack.Alerting;

/// <summary>
/// Where webhooks may point, so that rules cannot make the server call arbitrary hosts (SSRF). Configured by the
/// operator; checked when a rule is saved (and may be checked again before each delivery).
/// </summary>
/// <remarks>
/// Each entry is one of: <c>host</c> (any port), <c>host:port</c>, <c>*.example.org</c> or <c>*.example.org:port</c>
/// (any subdomain of example.org, not example.org itself), or an absolute URL prefix
/// <c>https://hooks.example.com/services/</c> (same scheme, host and port, and a path that starts with the prefix's
/// path at a segment boundary). IPv6 hosts are written in brackets (<c>[::1]:9000</c>). Hosts match
/// case-insensitively. Only http and https URLs are ever allowed; an empty list allows nothing.
/// <para>
/// An IP address (in an entry or a URL) is compared as the address it resolves to, not as text: every spelling the
/// URL parser accepts — <c>2130706433</c>, <c>0x7f000001</c>, <c>0177.0.0.1</c> — is the address the request would go
/// to, and an IPv4-mapped IPv6 address (<c>[::ffff:127.0.0.1]</c>) is its IPv4 address. So an entry allows its
/// address however a URL spells it, and nothing else; a host name never matches an IP address (no DNS lookup).
/// </para>
/// </remarks>
public sealed class WebhookAllowList
{
    private readonly Entry[] entries;

    /// <exception cref="ArgumentException">An entry is none of the accepted forms.</exception>
    public WebhookAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        this.entries = [.. entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => Entry.Parse(e.Trim()))];
    }

    /// <summary>Allows nothing.</summary>
    public static WebhookAllowList None { get; } = new([]);

    /// <summary>The entries, as configured (trimmed).</summary>
    public IReadOnlyList<string> Entries => [.. entries.Select(e => e.Text)];

    /// <summary>True when <paramref name="url"/> may receive webhooks; otherwise why not, naming the host.</summary>
    public bool Allows(Uri url, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            reason = "a webhook URL must be absolute";
            return false;
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            reason = $"a webhook URL must use http or https, not {url.Scheme}";
            return false;
        }

        foreach (var entry in entries)
        {
            if (entry.Matches(url))
            {
                reason = null;
                return true;
            }
        }

        reason = entries.Length == 0
            ? $"host \"{url.IdnHost}\" is not in the webhook allow-list (the allow-list is empty: no webhook destination is allowed)"
            : string.Create(CultureInfo.InvariantCulture, $"host \"{url.IdnHost}\" (port {url.Port}) is not in the webhook allow-list");
        return false;
    }

    private sealed record Entry(string Text, string? Scheme, string Host, bool AnySubdomain, int? Port, string? PathPrefix)
    {
        /// <summary>The address of an IP-literal host, IPv4-mapped IPv6 as IPv4; null for a host name.</summary>
        private IPAddress? Address { get; } = AnySubdomain ? null : AddressOf(Host);

        /// <summary>The address a URL host names, as <see cref="Uri"/> (and so the HTTP client) resolves it.</summary>
        public static IPAddress? AddressOf(string host)
        {
            var text = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
            if (!IPAddress.TryParse(text, out var address))
            {
                return null;
            }

            return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        }

        public static Entry Parse(string text)
        {
            if (text.Contains("://", StringComparison.Ordinal))
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var prefix)
                    || (prefix.Scheme != Uri.UriSchemeHttp && prefix.Scheme != Uri.UriSchemeHttps)
                    || prefix.Query.Length > 0
                    || prefix.Fragment.Length > 0
                    || prefix.UserInfo.Length > 0)
                {
                    throw Invalid(text);
                }

                return new Entry(text, prefix.Scheme, prefix.IdnHost, AnySubdomain: false, prefix.Port, prefix.AbsolutePath);
            }

            var anySubdomain = text.StartsWith("*.", StringComparison.Ordinal);
            var hostAndPort = anySubdomain ? text[2..] : text;
            if (hostAndPort.Contains('/', StringComparison.Ordinal)
                || hostAndPort.Contains('@', StringComparison.Ordinal)
                || hostAndPort.Contains('*', StringComparison.Ordinal)
                || !Uri.TryCreate("http://" + hostAndPort + "/", UriKind.Absolute, out var uri)
                || uri.AbsolutePath != "/"
                || uri.Query.Length > 0
                || uri.Fragment.Length > 0)
            {
                throw Invalid(text);
            }

            // The URI parser fills in port 80 when none is given; tell an explicit port from none.
            var hostEnd = hostAndPort.StartsWith('[') ? hostAndPort.IndexOf(']', StringComparison.Ordinal) : -1;
            var hasPort = hostAndPort.IndexOf(':', hostEnd + 1) >= 0;
            return new Entry(text, Scheme: null, uri.IdnHost, anySubdomain, hasPort ? uri.Port : null, PathPrefix: null);
        }

        public bool Matches(Uri url)
        {
            if ((Scheme is not null && url.Scheme != Scheme) || (Port is { } port && url.Port != port))
            {
                return false;
            }

            if (!HostMatches(url))
            {
                return false;
            }

            if (PathPrefix is null || PathPrefix == "/")
            {
                return true;
            }

            var path = url.AbsolutePath;
            return PathPrefix.EndsWith('/')
                ? path.StartsWith(PathPrefix, StringComparison.Ordinal)
                : path == PathPrefix || path.StartsWith(PathPrefix + "/", StringComparison.Ordinal);
        }

        private bool HostMatches(Uri url)
        {
            var host = url.IdnHost;
            if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || Address is not null)
            {
                // Addresses by value: the URL's spelling (decimal, hex, octal, IPv4-mapped) does not matter.
                return Address is not null && Address.Equals(AddressOf(host));
            }

            return AnySubdomain
                ? host.Length > Host.Length + 1
                  && host.EndsWith(Host, StringComparison.OrdinalIgnoreCase)
                  && host[^(Host.Length + 1)] == '.'
                : host.Equals(Host, StringComparison.OrdinalIgnoreCase);
        }

        private static ArgumentException Invalid(string text) => new(
            $"\"{text}\" is not a webhook allow-list entry: expected host, host:port, *.domain, or an absolute http(s) URL prefix");
    }
}
