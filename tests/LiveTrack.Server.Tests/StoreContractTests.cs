using LiveTrack.Server.Alerts;
using LiveTrack.Server.Geofences;

namespace LiveTrack.Server.Tests;

/// <summary>
/// What every store behind the catalogs and the webhook queue must do, whatever keeps the data: documents back as
/// written, the higher version winning, deletes, and a pending delivery kept whole. Run against each implementation.
/// </summary>
public abstract class StoreContractTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    protected abstract Task<IGeofenceStore> Fences();

    protected abstract Task<IRuleStore> Rules();

    protected abstract Task<IWebhookDeliveryStore> Deliveries();

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
}
