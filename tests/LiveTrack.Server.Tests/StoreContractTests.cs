using LiveTrack.Grains;
using LiveTrack.Server.Alerts;
using LiveTrack.Server.Geofences;

namespace LiveTrack.Server.Tests;

/// <summary>
/// What every store behind the catalogs, the webhook queue, the alert history and the dead letters must do, whatever
/// keeps the data: documents back as written, the higher version winning, deletes, a pending delivery kept whole, an
/// alert recorded once and paged newest first, dead letters kept up to the limit and taken once, a delivery's claim
/// renewed by its owner and free for another node once released. Run against each implementation.
/// </summary>
public abstract class StoreContractTests
{
    /// <summary>A lease long enough never to expire during a test.</summary>
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    protected abstract Task<IGeofenceStore> Fences();

    protected abstract Task<IRuleStore> Rules();

    protected abstract Task<IWebhookDeliveryStore> Deliveries();

    /// <summary>An empty alert history.</summary>
    protected abstract Task<IAlertStore> Alerts(int maxHistory = 10_000);

    /// <summary>No dead letters, keeping at most <paramref name="keep"/>.</summary>
    protected abstract Task<IDeadLetterStore> DeadLetters(int keep);

    private static Alert NewAlert(string id, string rule = "rule", string icao = "abc123", int second = 0) => new()
    {
        Id = id,
        RuleId = rule,
        Icao = icao,
        Trigger = AlertTriggerKind.Geofence,
        At = At.AddSeconds(second),
        RaisedAt = At.AddSeconds(second + 1),
        Summary = $"{icao} entered Box",
    };

    protected static PendingDelivery NewDelivery(string id) =>
        new(id, NewAlert($"rule-abc123-{id}"), "http://127.0.0.1:9000/hook", At);

    [Fact]
    public async Task A_saved_fence_loads_back_as_written()
    {
        var store = await Fences();
        var fence = new StoredGeofence("box", """{"type":"Feature","id":"box"}""", At) { Version = 3 };

        await store.Save(fence, CancellationToken.None);

        Assert.Equal(fence, await store.Load("box", CancellationToken.None));
        Assert.Equal([fence], await store.LoadAll(CancellationToken.None));
        Assert.Null(await store.Load("other", CancellationToken.None));
    }

    [Fact]
    public async Task Documents_saved_together_all_load_back_and_the_higher_version_still_wins()
    {
        var store = await Fences();
        var stored = new StoredGeofence("b", """{"type":"Feature","id":"b","n":2}""", At) { Version = 9 };
        await store.Save(stored, CancellationToken.None);
        var a = new StoredGeofence("a", """{"type":"Feature","id":"a"}""", At) { Version = 5 };
        var staleB = new StoredGeofence("b", """{"type":"Feature","id":"b","n":1}""", At) { Version = 4 };
        var c = new StoredGeofence("c", """{"type":"Feature","id":"c"}""", At) { Version = 5 };

        await store.SaveAll([a, staleB, c], CancellationToken.None);

        Assert.Equal([a, stored, c], await store.LoadAll(CancellationToken.None));
    }

    [Fact]
    public async Task The_higher_version_wins_whatever_the_order_of_the_writes()
    {
        var store = await Rules();
        var newer = new StoredRule("r1", """{"id":"r1","name":"newer"}""", At.AddMinutes(1)) { Version = 20 };
        var older = new StoredRule("r1", """{"id":"r1","name":"older"}""", At) { Version = 10 };

        await store.Save(newer, CancellationToken.None);
        await store.Save(older, CancellationToken.None);

        Assert.Equal(newer, await store.Load("r1", CancellationToken.None));
        var newest = newer with { Json = """{"id":"r1","name":"newest"}""", Version = 30 };
        await store.Save(newest, CancellationToken.None);
        Assert.Equal(newest, await store.Load("r1", CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_document_is_gone_and_a_second_delete_says_so()
    {
        var store = await Rules();
        await store.Save(new StoredRule("r2", "{}", At) { Version = 1 }, CancellationToken.None);

        Assert.True(await store.Delete("r2", CancellationToken.None));
        Assert.False(await store.Delete("r2", CancellationToken.None));
        Assert.Null(await store.Load("r2", CancellationToken.None));
        Assert.Empty(await store.LoadAll(CancellationToken.None));
    }

    [Fact]
    public async Task A_pending_delivery_keeps_its_alert_attempts_and_error_until_removed()
    {
        var store = await Deliveries();
        var alert = new Alert
        {
            Id = "rule-abc123-42",
            RuleId = "rule",
            Icao = "abc123",
            Trigger = AlertTriggerKind.Geofence,
            At = At,
            RaisedAt = At.AddSeconds(1),
            Summary = "abc123 entered Box",
        };
        var delivery = new PendingDelivery("d1", alert, "http://127.0.0.1:9000/hook", At) { Attempts = 2, LastError = "HTTP 503" };

        await store.Save(delivery, CancellationToken.None);

        var loaded = Assert.Single(await store.LoadAll(CancellationToken.None));
        Assert.Equal((delivery.Id, delivery.Url, delivery.QueuedAt, 2, "HTTP 503"), (loaded.Id, loaded.Url, loaded.QueuedAt, loaded.Attempts, loaded.LastError));
        Assert.Equal((alert.Id, alert.Icao, alert.Summary), (loaded.Alert.Id, loaded.Alert.Icao, loaded.Alert.Summary));
        Assert.True(await store.Delete("d1", CancellationToken.None));
        Assert.Empty(await store.LoadAll(CancellationToken.None));
    }

    [Fact]
    public async Task A_claimed_delivery_is_claimed_again_by_its_owner_and_stays_claimable_by_it()
    {
        var store = await Deliveries();
        await store.Save(NewDelivery("d1"), CancellationToken.None);

        Assert.True(await store.TryClaim("d1", "silo-a", Lease, CancellationToken.None));
        Assert.True(await store.TryClaim("d1", "silo-a", Lease, CancellationToken.None));
        Assert.Equal(["d1"], (await store.LoadClaimable("silo-a", CancellationToken.None)).Select(d => d.Id));
    }

    [Fact]
    public async Task A_released_delivery_is_claimed_at_once_by_another_node()
    {
        var store = await Deliveries();
        await store.Save(NewDelivery("d1"), CancellationToken.None);
        Assert.True(await store.TryClaim("d1", "silo-a", Lease, CancellationToken.None));

        await store.Release("d1", "silo-a", CancellationToken.None);

        Assert.Equal(["d1"], (await store.LoadClaimable("silo-b", CancellationToken.None)).Select(d => d.Id));
        Assert.True(await store.TryClaim("d1", "silo-b", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task An_alert_is_recorded_once_and_found_by_its_id()
    {
        var store = await Alerts();
        var alert = NewAlert("rule-abc123-1");

        Assert.True(await store.Append(alert));
        Assert.False(await store.Append(alert with { Summary = "a repeat after failover" }));

        var found = await store.Find("rule-abc123-1");
        Assert.Equal((alert.Id, alert.RuleId, alert.Icao, alert.Summary, alert.RaisedAt), (found!.Id, found.RuleId, found.Icao, found.Summary, found.RaisedAt));
        Assert.Null(await store.Find("unknown"));
        Assert.Single((await store.Query(new AlertQuery { Limit = 10 })).Alerts);
    }

    [Fact]
    public async Task Only_the_newest_MaxHistory_alerts_are_kept_and_an_older_one_is_no_longer_found()
    {
        var store = await Alerts(maxHistory: 3);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await store.Append(NewAlert($"kept{i}", second: i)));
        }

        Assert.Equal(["kept4", "kept3", "kept2"], (await store.Query(new AlertQuery { Limit = 10 })).Alerts.Select(a => a.Id));
        Assert.Null(await store.Find("kept1"));
        Assert.NotNull(await store.Find("kept2"));
    }

    [Fact]
    public async Task Alert_pages_run_newest_first_filter_and_stay_stable_while_alerts_arrive()
    {
        var store = await Alerts();
        for (var i = 0; i < 5; i++)
        {
            await store.Append(NewAlert($"a{i}", rule: i % 2 == 0 ? "even" : "odd", second: i));
        }

        var first = await store.Query(new AlertQuery { Limit = 2 });
        Assert.Equal(["a4", "a3"], first.Alerts.Select(a => a.Id));
        await store.Append(NewAlert("a5", second: 5));
        var second = await store.Query(new AlertQuery { Limit = 2, Cursor = first.Next });
        Assert.Equal(["a2", "a1"], second.Alerts.Select(a => a.Id));
        var last = await store.Query(new AlertQuery { Limit = 2, Cursor = second.Next });
        Assert.Equal(["a0"], last.Alerts.Select(a => a.Id));
        Assert.Null(last.Next);

        Assert.Equal(["a4", "a2", "a0"], (await store.Query(new AlertQuery { Limit = 10, RuleId = "even" })).Alerts.Select(a => a.Id));
        Assert.Equal(["a3", "a2"], (await store.Query(new AlertQuery { Limit = 10, From = At.AddSeconds(3), To = At.AddSeconds(5) })).Alerts.Select(a => a.Id));
        Assert.Empty((await store.Query(new AlertQuery { Limit = 10, Icao = "ffffff" })).Alerts);
    }

    [Fact]
    public async Task Dead_letters_are_listed_oldest_first_up_to_the_limit_and_taken_once()
    {
        var store = await DeadLetters(keep: 10);
        for (var i = 0; i < 12; i++)
        {
            await store.Add(new DeadLetter
            {
                Id = $"d{i:00}",
                Alert = NewAlert($"alert-{i}", second: i),
                Url = "http://127.0.0.1:9000/hook",
                Attempts = 3,
                LastError = "HTTP 500",
                FirstAttemptAt = At,
                DeadAt = At.AddMinutes(i),
            }, CancellationToken.None);
        }

        var listed = await store.List(CancellationToken.None);
        Assert.Equal([.. Enumerable.Range(2, 10).Select(i => $"d{i:00}")], listed.Select(d => d.Id));
        Assert.Equal(("alert-5", 3, "HTTP 500", At.AddMinutes(5)), (listed[3].Alert.Id, listed[3].Attempts, listed[3].LastError, listed[3].DeadAt));

        Assert.True(await store.Remove("d05", CancellationToken.None));
        Assert.False(await store.Remove("d05", CancellationToken.None));
        Assert.DoesNotContain("d05", (await store.List(CancellationToken.None)).Select(d => d.Id));
    }
}
