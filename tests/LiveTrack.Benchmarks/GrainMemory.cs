using System.Globalization;
using LiveTrack.Adsb;
using LiveTrack.Grains;
using LiveTrack.Ingestion;
using LiveTrack.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace LiveTrack.Benchmarks;

/// <summary>
/// The second half of the <c>--memory</c> mode: managed bytes per tracked aircraft on a silo — the
/// <see cref="AircraftTrack"/> plus everything Orleans keeps for an active grain (activation, grain object, silence
/// timer, catalog and directory entries) — measured with <see cref="GC.GetTotalMemory(bool)"/> around the activation
/// of 10,000 aircraft grains in one in-process silo (Orleans' <see cref="InProcessTestCluster"/>). For comparison,
/// the same for 10,000 empty grains and 10,000 empty grains with a timer (<see cref="ProbeGrain"/>,
/// <see cref="TimerProbeGrain"/>), called as often as the aircraft grains.
/// </summary>
/// <remarks>
/// Reports come from the same simulated traffic and path as <see cref="RetainedMemory"/> (lines, parser, mapping),
/// stamped with recent times and received "now" (and <c>LostAfter</c> is an hour), so that no grain is judged silent
/// and deactivated while measured. One grain call per aircraft and second, made through the silo's own grain factory
/// as the server's ingestion pipeline does (the test cluster's client is idle, though it lives in the same process).
/// A first group of each kind of grain is activated before any baseline so that one-time costs (type loading, pools,
/// caches sized on first use) are not charged to the measured grains. Each step divides by the activations it added.
/// Not included: the host's per-silo picture of live traffic (<c>LiveTraffic</c>) and per-client subscription buffers.
/// </remarks>
internal static class GrainMemory
{
    private const int AircraftCount = 10_000;
    private const int WarmUpAircraftCount = 1_000;
    private const int Seconds = 30;

    public static async Task<string[]> Run()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLiveTrackGrains();
            silo.AddMemoryGrainStorage(LiveTrackStorage.StateName);
            silo.UseInMemoryReminderService();

            // Nothing may be declared lost and deactivated while measured, however slow the machine.
            silo.Services.Configure<TrackingOptions>(options => options.LostAfter = TimeSpan.FromHours(1));
            silo.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        builder.ConfigureSiloHost((_, host) => host.Logging.SetMinimumLevel(LogLevel.Warning));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        // The silo's own grain factory, as the server's ingestion pipeline (hosted with the silo) uses it.
        var grains = cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);

        // Grains judge silence by the server clock, so this traffic is recent: it ends just before the wall clock.
        var start = DateTimeOffset.UtcNow.AddSeconds(-Seconds - 5);
        var warmUp = new TrafficSimulator(
            new SimulationOptions { AircraftCount = WarmUpAircraftCount, Seed = 7, IncludeGulfOfCaliforniaScenario = false }, start);
        await Feed(grains, warmUp);

        await Task.WhenAll(Enumerable.Range(0, WarmUpAircraftCount).Select(i => grains.GetGrain<IProbeGrain>(Key("w", i)).Touch()));
        await Task.WhenAll(Enumerable.Range(0, WarmUpAircraftCount).Select(i => grains.GetGrain<ITimerProbeGrain>(Key("w", i)).Touch()));

        // Empty activations first, then activations with a timer, then aircraft: each step measured on its own, each
        // grain called once per simulated second like the aircraft (an activation keeps more after many calls).
        await Settle();
        var bare = await Measure(management, () => CallEverySecond(i => grains.GetGrain<IProbeGrain>(Key("p", i)).Touch()));
        var timed = await Measure(management, () => CallEverySecond(i => grains.GetGrain<ITimerProbeGrain>(Key("t", i)).Touch()));

        var simulator = new TrafficSimulator(
            new SimulationOptions { AircraftCount = AircraftCount, IncludeGulfOfCaliforniaScenario = false }, start);
        var reports = 0;
        var aircraft = await Measure(management, async () => reports = await Feed(grains, simulator));

        var sample = await grains.GetGrain<IAircraftGrain>(simulator.Flights[0].Icao).GetState();
        var inv = CultureInfo.InvariantCulture;
        return
        [
            string.Create(inv, $"Managed memory per aircraft grain on a silo ({AircraftCount:N0} activations, {Seconds} s of simulated traffic, {reports:N0} reports merged)"),
            string.Create(inv, $"  sample state: {sample?.Icao} {sample?.Callsign?.Value} squawk {sample?.Squawk?.Value}, {sample?.Accepted} reports accepted"),
            string.Create(inv, $"  per aircraft grain, everything (activation, timer, track, state): {aircraft.PerActivation,8:N0} B   ({aircraft})"),
            string.Create(inv, $"  for comparison, per empty grain (same number of calls):           {bare.PerActivation,8:N0} B   ({bare})"),
            string.Create(inv, $"  for comparison, per empty grain with a grain timer:               {timed.PerActivation,8:N0} B   ({timed})"),
        ];
    }

    private static async Task CallEverySecond(Func<int, Task> call)
    {
        for (var t = 0; t <= Seconds; t++)
        {
            await Task.WhenAll(Enumerable.Range(0, AircraftCount).Select(call));
        }
    }

    private static string Key(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:x6}");

    /// <summary>Heap and activation count before and after <paramref name="activate"/>, once the silo has settled.</summary>
    private static async Task<Step> Measure(IManagementGrain management, Func<Task> activate)
    {
        var activationsBefore = await management.GetTotalActivationCount();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await activate();
        await Settle();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var activationsAfter = await management.GetTotalActivationCount();
        return new Step(before, after, activationsAfter - activationsBefore);
    }

    private readonly record struct Step(long Before, long After, int Activations)
    {
        public double PerActivation => (After - Before) / (double)Activations;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture, $"GC.GetTotalMemory(true) {Before:N0} -> {After:N0} B over {Activations:N0} new activations");
    }

    /// <summary>One grain call per aircraft and simulated second, with that second's reports in feed order.</summary>
    private static async Task<int> Feed(IGrainFactory grains, TrafficSimulator simulator)
    {
        var tick = new List<SbsMessage>();
        var merged = 0;
        for (var t = 0; t <= Seconds; t++)
        {
            tick.Clear();
            simulator.Advance(simulator.Start.AddSeconds(t), tick);
            var receivedAt = DateTimeOffset.UtcNow;
            var calls = Traffic.Parse(Traffic.ToLines(tick))
                .Select(m => SbsReports.ToReport(m, Traffic.Feed, receivedAt))
                .GroupBy(r => r.Icao, StringComparer.Ordinal)
                .Select(g => grains.GetGrain<IAircraftGrain>(g.Key).Report([.. g]));
            var outcomes = await Task.WhenAll(calls);
            merged += outcomes.Sum(o => o.Accepted + o.Stale + o.Suspect);
        }

        return merged;
    }

    /// <summary>Lets the traffic publisher drain the outbox (every 100 ms) and pending calls complete.</summary>
    private static Task Settle() => Task.Delay(TimeSpan.FromSeconds(1));
}
