using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LiveTrack.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace LiveTrack.Cluster.Tests;

/// <summary>
/// A webhook delivery being retried on a silo that is killed (<c>kill -9</c>) is taken over by a survivor once its
/// lease expires, and delivered once, with the same delivery id and <c>Idempotency-Key</c>; silos that start while
/// it is being retried leave it to the silo holding its lease. Three silo processes on one real PostgreSQL, the
/// default lease (<c>FeedLeaseDuration</c>, 15 s); every wait is on a condition, the takeover time is measured and logged.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WebhookFailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const string Fence = "hook-box";
    private const string Rule = "enters-hook-box";
    private const double Longitude = -111.0;
    private const double FenceSouth = 28.01;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly ConcurrentQueue<string> lines = new();

    [Fact]
    public async Task A_delivery_retried_on_a_killed_silo_is_delivered_once_by_a_survivor_with_the_same_idempotency_key()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var stop = new CancellationTokenSource();
        var database = await postgres.Server.CreateDatabaseAsync("hooks") + ";Maximum Pool Size=5";
        var clock = Stopwatch.StartNew();
        await using var receiver = await FlakyWebhookReceiver.StartAsync(clock);
        string[] settings =
        [
            $"--LiveTrack:Alerts:Webhooks:AllowList:0=127.0.0.1:{receiver.Url.Port}",
            "--LiveTrack:Alerts:Webhooks:InitialRetryDelay=00:00:00.200",
            "--LiveTrack:Alerts:Webhooks:MaxRetryDelay=00:00:01",
            "--LiveTrack:Alerts:Webhooks:GiveUpAfter=00:10:00",
            "--Logging:LogLevel:LiveTrack.Server.Alerts=Information",
        ];

        // C alone raises the alert (the alert journal, which queues deliveries, activates there) and retries it.
        await using var c = await SiloProcess.StartAsync("C", database, settings, Log, guard.Token);
        await Write(c, HttpMethod.Put, $"/api/geofences/{Fence}", string.Create(CultureInfo.InvariantCulture, $$"""
            { "type": "Feature", "id": "{{Fence}}", "properties": { "name": "Hook box" },
              "geometry": { "type": "Polygon", "coordinates": [[[-111.2, {{FenceSouth}}], [-110.8, {{FenceSouth}}], [-110.8, {{FenceSouth + 1}}], [-111.2, {{FenceSouth + 1}}], [-111.2, {{FenceSouth}}]]] } }
            """), "application/geo+json", guard.Token);
        await Write(c, HttpMethod.Put, $"/api/rules/{Rule}", $$"""
            { "id": "{{Rule}}", "name": "Enters the hook box", "trigger": { "kind": "geofence", "fenceId": "{{Fence}}", "events": ["entered"] },
              "webhooks": [{ "url": "{{receiver.Url}}", "secret": "{{FlakyWebhookReceiver.Secret}}" }] }
            """, "application/json", guard.Token);
        var first = new SbsSource("ABC123", FenceSouth - 0.002, Longitude);
        var pushingFirst = first.PushAsync(await c.PushEndpointAsync(guard.Token), stop.Token);
        var failed = (await receiver.WaitForAsync(r => r.Length > 0, guard.Token))[0];
        var key = failed.IdempotencyKey!;
        Assert.Equal((true, 500, 1), (failed.SignatureValid, failed.Status, failed.Attempt));
        Log($"first attempt of alert {key} failed on C at {failed.At.TotalSeconds:F1} s");

        // A and B start while C retries: C holds the delivery's lease, so they leave it to C.
        await using var a = await SiloProcess.StartAsync("A", database, settings, Log, guard.Token);
        await using var b = await SiloProcess.StartAsync("B", database, settings, Log, guard.Token);
        var seenWhenUp = Of(receiver.Received.ToArray(), key).Length;
        await receiver.WaitForAsync(r => Of(r, key).Length >= seenWhenUp + 3, guard.Token);

        // Killed between attempts: once the queue holds as many attempts as the receiver saw (C saved the last one).
        int saved;
        using (var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50)))
        {
            while (true)
            {
                var seen = Of(receiver.Received.ToArray(), key).Length;
                var (owner, attempts) = await QueuedAsync(database, failed.DeliveryId!, guard.Token);
                if (owner == "C" && attempts == seen)
                {
                    saved = attempts;
                    break;
                }

                await poll.WaitForNextTickAsync(guard.Token);
            }
        }

        var killedAt = clock.Elapsed;
        await c.KillAsync();
        receiver.Failing = false;
        Log($"killed C at {killedAt.TotalSeconds:F1} s after {saved} failed attempts");
        Assert.DoesNotContain(lines, l => (l.StartsWith("[A]", StringComparison.Ordinal) || l.StartsWith("[B]", StringComparison.Ordinal)) && l.Contains(Resuming(key), StringComparison.Ordinal));

        using var within = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
        within.CancelAfter(Bound);
        var success = (await receiver.WaitForAsync(r => Of(r, key).Any(x => x.Status == 200), within.Token)).Single(x => x.IdempotencyKey == key && x.Status == 200);
        var takeover = success.At - killedAt;
        var taker = lines.Where(l => l.Contains(Resuming(key), StringComparison.Ordinal)).Select(l => l[1..2]).Single();
        Log(string.Create(CultureInfo.InvariantCulture, $"MEASURED webhookTakeover={takeover.TotalSeconds:F1}s by {taker} (attempt {success.Attempt})"));

        // A second alert, raised and delivered on the survivors after the first: then the queue is empty and no lease is held.
        var second = new SbsSource("DEF456", FenceSouth - 0.002, Longitude + 0.1);
        var pushingSecond = second.PushAsync(await a.PushEndpointAsync(within.Token), stop.Token);
        await receiver.WaitForAsync(r => r.Any(x => x.IdempotencyKey != key && x.Status == 200), within.Token);
        await WaitForEmptyQueueAsync(database, within.Token);

        // The first alert was delivered once, by a survivor, as the same delivery continuing C's attempts.
        var all = Of(receiver.Received.ToArray(), key);
        Assert.All(all, x => Assert.True(x.SignatureValid));
        Assert.All(all, x => Assert.Equal(failed.DeliveryId, x.DeliveryId));
        var beforeKill = all.Where(x => x.At < killedAt).ToArray();
        Assert.Equal(Enumerable.Range(1, beforeKill.Length), beforeKill.Select(x => x.Attempt));
        Assert.All(beforeKill, x => Assert.Equal(500, x.Status));
        Assert.Equal([success], all.Where(x => x.At >= killedAt));
        Assert.True(success.Attempt > saved, $"the survivor continued C's count: attempt {success.Attempt} after {saved} saved");
        Assert.True(taker is "A" or "B", $"taken over by {taker}");

        await stop.CancelAsync();
        await Task.WhenAll(pushingFirst, pushingSecond);
    }

    private static WebhookAttempt[] Of(WebhookAttempt[] received, string key) => [.. received.Where(x => x.IdempotencyKey == key)];

    private static string Resuming(string alertId) => $"Resuming the webhook delivery of alert {alertId} ";

    /// <summary>Who holds the delivery's live lease and how many attempts the queue has stored for it.</summary>
    private static async Task<(string? Owner, int Attempts)> QueuedAsync(string database, string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT owner FROM livetrack_delivery_leases WHERE id = @id AND until > now()),
                   (SELECT (body->>'Attempts')::int FROM livetrack_documents WHERE kind = 'webhook-delivery' AND id = @id)
            """, connection);
        command.Parameters.AddWithValue("id", deliveryId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? -1 : reader.GetInt32(1));
    }

    /// <summary>Until no delivery is queued and no delivery lease is held (asked every 100 ms: another process's state).</summary>
    private static async Task WaitForEmptyQueueAsync(string database, CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("""
                    SELECT (SELECT count(*) FROM livetrack_documents WHERE kind = 'webhook-delivery')
                         + (SELECT count(*) FROM livetrack_delivery_leases)
                    """, connection);
                if (await command.ExecuteScalarAsync(cancellationToken) is 0L)
                {
                    return;
                }
            }

            await poll.WaitForNextTickAsync(cancellationToken);
        }
    }

    private static async Task Write(SiloProcess silo, HttpMethod method, string path, string body, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
        request.Headers.Add("X-Api-Key", SiloProcess.ApiKey);
        using var response = await silo.Http.SendAsync(request, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} on {silo.Node}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private void Log(string line)
    {
        lines.Enqueue(line);
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // A silo's output after the test ended.
        }
    }
}
