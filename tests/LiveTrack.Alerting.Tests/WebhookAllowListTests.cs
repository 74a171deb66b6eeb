namespace LiveTrack.Alerting.Tests;

public class WebhookAllowListTests
{
    [Theory]
    // Host: any port, any path, any case
    [InlineData("hooks.example.com", "https://hooks.example.com/a/b", true)]
    [InlineData("hooks.example.com", "http://HOOKS.Example.COM:8080/", true)]
    [InlineData("hooks.example.com", "https://example.com/", false)]
    [InlineData("hooks.example.com", "https://hooks.example.com.evil.net/", false)]
    [InlineData("HOOKS.EXAMPLE.COM", "https://hooks.example.com/", true)]
    // Host and port
    [InlineData("127.0.0.1:9000", "http://127.0.0.1:9000/hook", true)]
    [InlineData("127.0.0.1:9000", "http://127.0.0.1:9001/hook", false)]
    [InlineData("127.0.0.1:9000", "http://127.0.0.1/hook", false)]
    [InlineData("example.com:443", "https://example.com/", true)]
    [InlineData("[::1]:9000", "http://[::1]:9000/", true)]
    [InlineData("[::1]", "http://[::1]:1234/", true)]
    [InlineData("[::1]:9000", "http://[::2]:9000/", false)]
    // Any subdomain
    [InlineData("*.example.org", "https://a.example.org/x", true)]
    [InlineData("*.example.org", "https://b.a.EXAMPLE.org/", true)]
    [InlineData("*.example.org", "https://example.org/", false)]
    [InlineData("*.example.org", "https://badexample.org/", false)]
    [InlineData("*.example.org:8443", "https://a.example.org:8443/", true)]
    [InlineData("*.example.org:8443", "https://a.example.org/", false)]
    // URL prefix: same scheme, host, port, and path at a segment boundary
    [InlineData("https://hooks.example.com/services/", "https://hooks.example.com/services/T1/B2", true)]
    [InlineData("https://hooks.example.com/services/", "https://hooks.example.com/servicesX", false)]
    [InlineData("https://hooks.example.com/services/", "https://hooks.example.com/other/", false)]
    [InlineData("https://hooks.example.com/services/", "http://hooks.example.com/services/T1", false)]
    [InlineData("https://hooks.example.com/services/", "https://hooks.example.com:8443/services/T1", false)]
    [InlineData("https://hooks.example.com/services", "https://hooks.example.com/services/T1", true)]
    [InlineData("https://hooks.example.com/services", "https://hooks.example.com/services-evil", false)]
    [InlineData("https://hooks.example.com", "https://hooks.example.com/anything", true)]
    // Only http and https
    [InlineData("hooks.example.com", "ftp://hooks.example.com/", false)]
    [InlineData("hooks.example.com", "file://hooks.example.com/etc/passwd", false)]
    public void An_entry_allows_exactly_the_urls_it_describes(string entry, string url, bool allowed)
    {
        var list = new WebhookAllowList([entry]);

        Assert.Equal(allowed, list.Allows(new Uri(url), out var reason));
        Assert.Equal(allowed, reason is null);
    }

    [Theory]
    // Other spellings of an allowed address are that address: the one the request would go to.
    [InlineData("127.0.0.1:9000", "http://2130706433:9000/", true)]
    [InlineData("127.0.0.1:9000", "http://0x7f000001:9000/", true)]
    [InlineData("127.0.0.1:9000", "http://0177.0.0.1:9000/", true)]
    [InlineData("127.0.0.1:9000", "http://[::ffff:127.0.0.1]:9000/", true)]
    [InlineData("127.0.0.1:9000", "http://[::ffff:7f00:1]:9000/", true)]
    [InlineData("[::ffff:127.0.0.1]:9000", "http://127.0.0.1:9000/", true)]
    [InlineData("2130706433:9000", "http://127.0.0.1:9000/", true)]
    [InlineData("[::1]", "http://[0:0:0:0:0:0:0:1]/", true)]
    [InlineData("http://127.0.0.1:9000/hooks/", "http://0x7f000001:9000/hooks/a", true)]
    // …and only that address, on the allowed port.
    [InlineData("127.0.0.1:9000", "http://2130706434:9000/", false)]
    [InlineData("127.0.0.1:9000", "http://0x7f000001:9001/", false)]
    [InlineData("127.0.0.1:9000", "http://[::ffff:127.0.0.2]:9000/", false)]
    [InlineData("127.0.0.1:9000", "http://[::1]:9000/", false)]
    // No DNS: a host name is not an address and an address is not a host name.
    [InlineData("localhost:9000", "http://127.0.0.1:9000/", false)]
    [InlineData("127.0.0.1:9000", "http://localhost:9000/", false)]
    public void Ip_addresses_are_compared_by_the_address_they_resolve_to(string entry, string url, bool allowed)
    {
        var list = new WebhookAllowList([entry]);

        Assert.Equal(allowed, list.Allows(new Uri(url), out _));
    }

    [Fact]
    public void A_url_allowed_by_any_entry_is_allowed()
    {
        var list = new WebhookAllowList(["127.0.0.1:9000", "*.example.org", ""]);

        Assert.True(list.Allows(new Uri("https://x.example.org/"), out _));
        Assert.True(list.Allows(new Uri("http://127.0.0.1:9000/"), out _));
    }

    [Fact]
    public void An_empty_list_allows_nothing_and_says_so()
    {
        Assert.False(WebhookAllowList.None.Allows(new Uri("http://127.0.0.1:9000/"), out var reason));

        Assert.Contains("the allow-list is empty", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_names_the_host_and_port()
    {
        var list = new WebhookAllowList(["hooks.example.com"]);

        Assert.False(list.Allows(new Uri("https://evil.example.net/steal"), out var reason));

        Assert.Equal("host \"evil.example.net\" (port 443) is not in the webhook allow-list", reason);
    }

    [Fact]
    public void A_refused_scheme_is_named()
    {
        Assert.False(new WebhookAllowList(["hooks.example.com"]).Allows(new Uri("ftp://hooks.example.com/"), out var reason));

        Assert.Contains("http or https, not ftp", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://files.example.com/")]
    [InlineData("hooks.example.com/path")]
    [InlineData("*.*.example.com")]
    [InlineData("user@hooks.example.com")]
    [InlineData("https://hooks.example.com/?q=1")]
    [InlineData("host:notaport")]
    public void A_malformed_entry_is_refused_when_the_list_is_built(string entry)
    {
        var error = Assert.Throws<ArgumentException>(() => new WebhookAllowList([entry]));

        Assert.Contains(entry, error.Message, StringComparison.Ordinal);
    }
}
