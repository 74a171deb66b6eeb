using LiveTrack.Geo;
using LiveTrack.Server.Tracking;

namespace LiveTrack.Server.Tests;

/// <summary>
/// The hub's fan-out through the subscription index (<see cref="ClientSubscriptions"/>) against the linear filter it
/// replaces (every batch offered whole to every <see cref="TrackingClient"/>): clients must be sent the same frames.
/// </summary>
public sealed class SubscriptionIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static AircraftSnapshot At(string icao, double lat, double lon, int second) =>
        new() { Icao = icao, Latitude = lat, Longitude = lon, LastSeen = T0.AddSeconds(second) };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Indexed_delivery_gives_every_client_the_frames_the_linear_filter_gives(int seed)
    {
        var random = new Random(seed);
        var scenario = new Scenario(random);
        for (var step = 0; step < 120; step++)
        {
            scenario.ChangeSubscriptions();
            scenario.OfferBatch(step);
            if (random.Next(3) > 0)
            {
                scenario.CompareFrames(step);
            }
        }

        scenario.CompareFrames(-1);
        Assert.True(scenario.Delivered > 1000, $"only {scenario.Delivered} positions delivered: the scenario tests little");
        Assert.True(scenario.LeftOrLost > 50, $"only {scenario.LeftOrLost} losses announced: the scenario tests little");
    }

    [Fact]
    public void Disconnecting_takes_every_subscription_of_the_client_out_of_the_index()
    {
        var clients = new ClientSubscriptions();
        var client = clients.Connect("c1");
        var other = clients.Connect("c2");
        client.AddArea(new BoundingBox(0, 0, 10, 10), []);
        client.AddArea(BoundingBox.World, []);
        client.AddAircraft("abcdef", null);
        client.AddGeofence("f1");
        client.AddAlerts(null);
        other.AddArea(new BoundingBox(0, 0, 10, 10), []);
        Assert.Equal(6, clients.IndexedSubscriptions);

        clients.Disconnect("c1");
        client.AddArea(BoundingBox.World, []); // a late call on the gone connection's object indexes nothing
        clients.Offer(new TrafficBatch([At("abcdef", 5, 5, 0)], [], []));

        Assert.Equal(1, clients.IndexedSubscriptions);
        Assert.Null(clients.Find("c1"));
        Assert.Null(client.TakeFrame(T0));
        Assert.Equal("abcdef", Assert.Single(other.TakeFrame(T0)!.Aircraft).Icao);
    }

    [Fact]
    public void Leaving_and_lost_updates_reach_only_the_clients_that_knew_the_aircraft()
    {
        var clients = new ClientSubscriptions();
        var had = clients.Connect("had");
        var never = clients.Connect("never");
        var later = clients.Connect("later");
        had.AddArea(new BoundingBox(0, 0, 10, 10), []);
        never.AddArea(new BoundingBox(20, 20, 30, 30), []);
        clients.Offer(new TrafficBatch([At("aaaaaa", 5, 5, 0), At("bbbbbb", 6, 6, 0)], [], []));
        Drain(had);

        // Far away, in a cell no subscription covers: "had" still hears where they went, once.
        clients.Offer(new TrafficBatch([At("aaaaaa", -60, 120, 1)], [At("bbbbbb", -50, 100, 1)], []));
        var leaving = had.TakeFrame(T0);
        had.FrameDone();
        clients.Offer(new TrafficBatch([At("aaaaaa", -60, 121, 2)], [], []));

        Assert.Equal(-60, Assert.Single(leaving!.Aircraft).Latitude);
        Assert.Equal(["bbbbbb"], leaving.Lost);
        Assert.Null(had.TakeFrame(T0));
        Assert.Null(never.TakeFrame(T0));
        Assert.Null(later.TakeFrame(T0));

        // Sent by a new subscription from the live picture (here newer than the last change offered, and somewhere
        // else): known too, so its loss is announced although no change offered so far was in that area.
        later.AddArea(new BoundingBox(140, -70, 150, -50), [At("aaaaaa", -60, 145, 3)]);
        Drain(later);
        clients.Offer(new TrafficBatch([], [At("aaaaaa", 40, 40, 3)], []));
        Assert.Equal(["aaaaaa"], later.TakeFrame(T0)!.Lost);
    }

    [Fact]
    public void An_area_across_the_antimeridian_gets_both_sides_of_it_and_nothing_else()
    {
        var clients = new ClientSubscriptions();
        var across = clients.Connect("across");
        var touching = clients.Connect("touching");
        across.AddArea(new BoundingBox(170, -10, -170, 10), []);
        touching.AddArea(new BoundingBox(179, 0, 180, 1), []);

        clients.Offer(new TrafficBatch(
            [
                At("a00001", 0, 175, 0), At("a00002", 0, -175, 0), At("a00003", 0, 180, 0), At("a00004", 0.5, -180, 0),
                At("a00005", 0, 0, 0), At("a00006", 0, 169.9, 0), At("a00007", 0, -169.9, 0), At("a00008", 11, 175, 0),
                At("a00009", 0.5, 540, 0),
            ],
            [],
            []));

        Assert.Equal(["a00001", "a00002", "a00003", "a00004", "a00009"], Icaos(across.TakeFrame(T0)!));
        Assert.Equal(["a00003", "a00004", "a00009"], Icaos(touching.TakeFrame(T0)!));
    }

    [Fact]
    public async Task Subscriptions_changing_while_batches_are_offered_lose_nothing_for_steady_clients()
    {
        var clients = new ClientSubscriptions();
        var region = new BoundingBox(0, 40, 10, 50);
        var steady = Enumerable.Range(0, 4).Select(i => clients.Connect($"steady{i}")).ToArray();
        steady[0].AddArea(region, []);
        steady[1].AddArea(BoundingBox.World, []);
        steady[2].AddAircraft("f00000", null);
        steady[3].AddGeofence("f1");
        const int Batches = 400;
        var received = steady.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var events = 0;
        using var stop = new CancellationTokenSource();

        var churn = Enumerable.Range(0, 3).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var id = $"churn{t}-{n++ % 20}";
                var client = clients.Connect(id);
                var area = client.AddArea(RandomBox(random), []);
                var aircraft = client.AddAircraft($"f{random.Next(Batches):x5}", null);
                var fence = client.AddGeofence(random.Next(2) == 0 ? null : "f1");
                client.Remove(area);
                if (random.Next(3) == 0)
                {
                    clients.Disconnect(id);
                }
                else
                {
                    client.Remove(aircraft);
                    client.Remove(fence);
                }
            }
        })).ToArray();

        var offers = Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            for (var i = t; i < Batches; i += 2)
            {
                clients.Offer(new TrafficBatch(
                    [At($"f{i:x5}", 45, 5, i), At($"e{i:x5}", -45, -100, i)],
                    [],
                    [new GeofenceEvent { Icao = "f00000", Sequence = i, Kind = GeofenceEventKind.Entered, Reason = GeofenceEventReason.Crossed, FenceId = "f1", At = T0 }]));
                for (var c = 0; c < steady.Length; c++)
                {
                    lock (received[c])
                    {
                        if (steady[c].TakeFrame(T0) is { } frame)
                        {
                            received[c].UnionWith(frame.Aircraft.Select(a => a.Icao));
                            if (c == 3)
                            {
                                events += frame.Events.Length;
                            }

                            steady[c].FrameDone();
                        }
                    }
                }
            }
        })).ToArray();

        await Task.WhenAll(offers).WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await Task.WhenAll(churn).WaitAsync(TimeSpan.FromMinutes(2));
        for (var c = 0; c < steady.Length; c++)
        {
            if (steady[c].TakeFrame(T0) is { } frame)
            {
                received[c].UnionWith(frame.Aircraft.Select(a => a.Icao));
                events += c == 3 ? frame.Events.Length : 0;
            }
        }

        Assert.Equal(Batches, received[0].Count);
        Assert.Equal(2 * Batches, received[1].Count);
        Assert.Equal(["f00000"], received[2]);
        Assert.Equal(Batches, events);
        Assert.Equal(clients.All.Sum(c => c.SubscriptionCount), clients.IndexedSubscriptions);
    }

    private static void Drain(TrackingClient client)
    {
        client.TakeFrame(T0);
        client.FrameDone();
    }

    private static string[] Icaos(PositionFrame frame) => [.. frame.Aircraft.Select(a => a.Icao).Order(StringComparer.Ordinal)];

    private static BoundingBox RandomBox(Random random)
    {
        var kind = random.Next(10);
        if (kind == 0)
        {
            return BoundingBox.World;
        }

        var width = kind switch { 1 => 20 + (random.NextDouble() * 200), 2 => 10 + (random.NextDouble() * 30), _ => random.NextDouble() * 8 };
        var height = kind switch { 1 => 10 + (random.NextDouble() * 100), 2 => 10 + (random.NextDouble() * 30), _ => random.NextDouble() * 8 };
        var minLat = Math.Max(-90, (random.NextDouble() * 180) - 90 - (height / 2));
        var maxLat = Math.Min(90, minLat + height);
        if (kind == 3)
        {
            // Across or touching the antimeridian.
            var west = 180 - (random.NextDouble() * width);
            var east = random.Next(4) == 0 ? 180 : -180 + (random.NextDouble() * width);
            return new BoundingBox(random.Next(4) == 0 ? -180 : west, minLat, east, maxLat);
        }

        if (kind == 4)
        {
            // Edges on cell boundaries.
            var lon = random.Next(-180, 170);
            var lat = random.Next(-90, 80);
            return new BoundingBox(lon, lat, lon + random.Next(0, 10), lat + random.Next(0, 10));
        }

        var minLon = (random.NextDouble() * 360) - 180;
        var maxLon = minLon + width;
        return new BoundingBox(minLon, minLat, maxLon > 180 ? maxLon - 360 : maxLon, maxLat);
    }

    /// <summary>The same clients twice: indexed through <see cref="ClientSubscriptions"/>, and alone, offered every batch whole.</summary>
    private sealed class Scenario(Random random)
    {
        private const int Aircraft = 400;
        private readonly ClientSubscriptions indexed = new();
        private readonly List<(TrackingClient Indexed, TrackingClient Linear, List<(string Indexed, string Linear)> Subscriptions)> clients = [];
        private readonly LiveTraffic traffic = new();
        private readonly (double Lat, double Lon)[] positions = [.. Enumerable.Range(0, Aircraft).Select(_ => (RandomLatitude(random), RandomLongitude(random)))];
        private int connections;

        public int Delivered { get; private set; }

        public int LeftOrLost { get; private set; }

        public void ChangeSubscriptions()
        {
            if (clients.Count < 40 || random.Next(8) == 0)
            {
                var id = $"c{connections++}";
                clients.Add((indexed.Connect(id), new TrackingClient(id), []));
            }

            for (var n = random.Next(6); n > 0; n--)
            {
                var (a, b, subscriptions) = clients[random.Next(clients.Count)];
                switch (random.Next(10))
                {
                    case 0 or 1 or 2 or 3:
                        var box = RandomBox(random);
                        var inside = traffic.Within(box).ToArray();
                        subscriptions.Add((a.AddArea(box, inside), b.AddArea(box, inside)));
                        break;
                    case 4:
                        var icao = Icao(random.Next(Aircraft));
                        var current = traffic.Find(icao);
                        subscriptions.Add((a.AddAircraft(icao, current), b.AddAircraft(icao, current)));
                        break;
                    case 5:
                        var fence = random.Next(4) == 0 ? null : $"f{random.Next(6)}";
                        subscriptions.Add((a.AddGeofence(fence), b.AddGeofence(fence)));
                        break;
                    case 6:
                        var rule = random.Next(4) == 0 ? null : $"r{random.Next(6)}";
                        subscriptions.Add((a.AddAlerts(rule), b.AddAlerts(rule)));
                        break;
                    case 7 or 8 when subscriptions.Count > 0:
                        var which = random.Next(subscriptions.Count);
                        Assert.True(a.Remove(subscriptions[which].Indexed));
                        Assert.True(b.Remove(subscriptions[which].Linear));
                        subscriptions.RemoveAt(which);
                        break;
                    case 9 when clients.Count > 30:
                        var gone = clients.FindIndex(c => c.Indexed == a);
                        indexed.Disconnect(a.ConnectionId);
                        clients.RemoveAt(gone);
                        break;
                }
            }
        }

        public void OfferBatch(int step)
        {
            var updated = new List<AircraftSnapshot>();
            for (var n = random.Next(250); n > 0; n--)
            {
                var i = random.Next(Aircraft);
                positions[i] = random.Next(10) switch
                {
                    0 => (RandomLatitude(random), RandomLongitude(random)),
                    _ => (Math.Clamp(positions[i].Lat + ((random.NextDouble() - 0.5) * 6), -90, 90), Wrap(positions[i].Lon + ((random.NextDouble() - 0.5) * 6))),
                };
                var snapshot = random.Next(40) == 0
                    ? new AircraftSnapshot { Icao = Icao(i), LastSeen = T0.AddSeconds(step) }
                    : At(Icao(i), positions[i].Lat, positions[i].Lon, step - random.Next(2));
                updated.Add(snapshot);
            }

            var lost = new List<AircraftSnapshot>();
            for (var n = random.Next(6); n > 0; n--)
            {
                var i = random.Next(Aircraft);
                lost.Add(At(Icao(i), positions[i].Lat, positions[i].Lon, step));
            }

            var events = Enumerable.Range(0, random.Next(4)).Select(n => new GeofenceEvent
            {
                Icao = Icao(random.Next(Aircraft)),
                Sequence = (step * 10) + n,
                Kind = GeofenceEventKind.Entered,
                Reason = GeofenceEventReason.Crossed,
                FenceId = $"f{random.Next(8)}",
                At = T0,
            }).ToArray();
            var alerts = Enumerable.Range(0, random.Next(3)).Select(n => new Alert
            {
                Id = $"a{step}-{n}",
                RuleId = $"r{random.Next(8)}",
                Icao = Icao(random.Next(Aircraft)),
                Trigger = AlertTriggerKind.Squawk,
                At = T0,
                RaisedAt = T0,
                Summary = "squawk",
            }).ToArray();

            var batch = new TrafficBatch([.. updated], [.. lost], events) { Alerts = alerts };
            foreach (var snapshot in batch.Updated)
            {
                traffic.Update(snapshot);
            }

            foreach (var snapshot in batch.Lost)
            {
                traffic.Remove(snapshot.Icao);
            }

            indexed.Offer(batch);
            foreach (var client in clients)
            {
                client.Linear.Offer(batch);
            }
        }

        public void CompareFrames(int step)
        {
            foreach (var (a, b, _) in clients)
            {
                var expected = b.TakeFrame(T0);
                var actual = a.TakeFrame(T0);
                b.FrameDone();
                a.FrameDone();
                var where = $"client {a.ConnectionId}, step {step}";
                Assert.True((expected is null) == (actual is null), $"{where}: expected a frame {expected is not null}, got one {actual is not null}");
                Assert.Equal(b.Dropped, a.Dropped);
                if (expected is null || actual is null)
                {
                    continue;
                }

                Assert.Equal(expected.Sequence, actual.Sequence);
                Assert.Equal(Sorted(expected.Aircraft), Sorted(actual.Aircraft));
                Assert.Equal(expected.Lost.Order(StringComparer.Ordinal), actual.Lost.Order(StringComparer.Ordinal));
                Assert.Equal(expected.Events, actual.Events);
                Assert.Equal(expected.Alerts, actual.Alerts);
                Assert.Equal(expected.MissedEvents, actual.MissedEvents);
                Assert.Equal(expected.MissedAlerts, actual.MissedAlerts);
                Delivered += actual.Aircraft.Length;
                LeftOrLost += actual.Lost.Length;
            }
        }

        private static AircraftSnapshot[] Sorted(AircraftSnapshot[] aircraft) => [.. aircraft.OrderBy(a => a.Icao, StringComparer.Ordinal)];

        private static string Icao(int i) => $"{i:x6}";

        private static double Wrap(double lon) => lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;

        private static double RandomLatitude(Random random) => random.Next(20) switch
        {
            0 => random.Next(-90, 91),
            1 => 90,
            _ => (random.NextDouble() * 180) - 90,
        };

        private static double RandomLongitude(Random random) => random.Next(20) switch
        {
            0 => random.Next(-180, 181),
            1 => 180,
            2 => -180,
            _ => (random.NextDouble() * 360) - 180,
        };
    }
}
