using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveTrack.Server.Tests;

/// <summary>
/// With <c>AnonymousReads=false</c> one reader policy guards every read endpoint and the hub; a key opens them,
/// on the hub also as <c>access_token</c>. Webhook URLs are shown in full only to writers.
/// </summary>
public sealed class ReaderAccessTests
{
    private static readonly string[] ReadPaths =
    [
        "/api/aircraft", "/api/aircraft/abc123", "/api/aircraft/abc123/geofences", "/api/feeds",
        "/api/geofences", "/api/geofences/nothing-here", "/api/geofences/nothing-here/aircraft",
        "/api/rules", "/api/rules/nothing-here", "/api/alerts", "/api/alerts/dead-letters", "/api/alerts/nothing-here",
    ];

    private static Task<LiveTrackTestServer> KeyedReadsServer() =>
        LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?> { ["LiveTrack:Api:AnonymousReads"] = "false" });

    [Fact]
    public async Task Without_anonymous_reads_every_read_endpoint_needs_a_key()
    {
        await using var server = await KeyedReadsServer();

        foreach (var path in ReadPaths)
        {
            var anonymous = await server.Http.GetAsync(path);
            using var keyed = new HttpRequestMessage(HttpMethod.Get, path);
            keyed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LiveTrackTestServer.ApiKey);
            var withKey = await server.Http.SendAsync(keyed);

            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} without a key: {(int)anonymous.StatusCode}");
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
            Assert.True(withKey.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET {path} with a key: {(int)withKey.StatusCode}");
        }
    }

    [Fact]
    public async Task Without_anonymous_reads_the_hub_refuses_anonymous_clients_and_accepts_the_key_as_the_js_client_sends_it()
    {
        await using var server = await KeyedReadsServer();
        var hub = new Uri(server.BaseAddress, "/hubs/tracking");

        await using var anonymous = new HubConnectionBuilder().WithUrl(hub).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // accessTokenFactory: the key as a bearer token on negotiate.
        await using var keyed = new HubConnectionBuilder()
            .WithUrl(hub, o => o.AccessTokenProvider = () => Task.FromResult<string?>(LiveTrackTestServer.ApiKey))
            .Build();
        await keyed.StartAsync();
        Assert.NotEmpty(await keyed.InvokeAsync<string>("SubscribeAircraft", "abc123"));

        // A browser's WebSocket cannot carry headers: the JavaScript client puts the key in access_token.
        var socketUri = new UriBuilder(hub) { Scheme = "ws" };
        using var noKey = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => noKey.ConnectAsync(socketUri.Uri, CancellationToken.None));
        socketUri.Query = "access_token=" + LiveTrackTestServer.ApiKey;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(socketUri.Uri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var handshake = await socket.ReceiveAsync(buffer, cts.Token);
        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, handshake.Count));
    }

    [Fact]
    public async Task With_anonymous_reads_the_hub_and_reads_stay_open()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/tracking"), o => o.Transports = HttpTransportType.WebSockets)
            .Build();

        await connection.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/api/feeds")).StatusCode);
    }

    [Fact]
    public async Task Readers_see_webhook_urls_without_path_and_query_and_writers_see_them_in_full()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?> { ["LiveTrack:Alerts:Webhooks:AllowList:0"] = "127.0.0.1" });
        const string url = "http://127.0.0.1:9/services/T000/B000/XXXXSECRET?token=also-secret";
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/api/rules"))
        {
            create.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
            create.Content = new StringContent($$"""{ "id": "hooked", "trigger": { "kind": "emergency" }, "webhooks": [{ "url": "{{url}}", "secret": "0123456789abcdef0123" }] }""", Encoding.UTF8, "application/json");
            var created = await server.Http.SendAsync(create);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var echoed = await created.Content.ReadAsStringAsync();
            Assert.Contains("XXXXSECRET", echoed, StringComparison.Ordinal);
        }

        var anonymousList = await server.Http.GetStringAsync("/api/rules");
        var anonymousOne = await server.Http.GetStringAsync("/api/rules/hooked");
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/rules/hooked");
        keyed.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        var writerView = JsonDocument.Parse(await (await server.Http.SendAsync(keyed)).Content.ReadAsStringAsync()).RootElement;

        foreach (var body in new[] { anonymousList, anonymousOne })
        {
            Assert.DoesNotContain("XXXXSECRET", body, StringComparison.Ordinal);
            Assert.DoesNotContain("also-secret", body, StringComparison.Ordinal);
            Assert.Contains("http://127.0.0.1:9/", body, StringComparison.Ordinal);
        }

        var webhook = writerView.GetProperty("webhooks")[0];
        Assert.Equal(url, webhook.GetProperty("url").GetString());
        Assert.True(webhook.GetProperty("hasSecret").GetBoolean());
        Assert.False(webhook.TryGetProperty("secret", out _));
    }
}
