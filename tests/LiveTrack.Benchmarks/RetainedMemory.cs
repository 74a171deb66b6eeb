using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using LiveTrack.Adsb;
using LiveTrack.Grains;
using LiveTrack.Simulation;

namespace LiveTrack.Benchmarks;

/// <summary>
/// The <c>--memory</c> mode: managed bytes retained per <see cref="AircraftTrack"/> once it holds a typical state,
/// measured with <see cref="GC.GetTotalMemory(bool)"/> over 10,000 simulated aircraft. Not a BenchmarkDotNet benchmark:
/// it measures what stays on the heap, not what a call allocates.
/// </summary>
/// <remarks>
/// The traffic runs through the real path — simulator, SBS lines, parser, report mapping, merge — for
/// <see cref="Seconds"/> simulated seconds, so every track holds a position, altitude, speed, track, vertical rate,
/// callsign, squawk and flags. Each track gets its own copy of its ICAO string, as a grain's key is its own string.
/// Three readings: before the traffic, with the tracks alive, and after dropping them. The difference between the last
/// two is what only the tracks keep alive; the growth from the first also holds the shared caches the traffic filled
/// (the parser's ICAO and squawk interning).
/// </remarks>
internal static class RetainedMemory
{
    public const string Switch = "--memory";

    private const int AircraftCount = 10_000;
    private const int Seconds = 60;

    /// <summary>Measures the tracks alone, then whole aircraft grains (<see cref="GrainMemory"/>).</summary>
    public static async Task<int> Run(TextWriter output)
    {
        MeasureTracks(output);
        output.WriteLine();
        foreach (var line in await GrainMemory.Run())
        {
            output.WriteLine(line);
        }

        return 0;
    }

    private static void MeasureTracks(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var simulator = Traffic.NewSimulator(AircraftCount, includeScenario: false);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < simulator.Flights.Count; i++)
        {
            index.Add(simulator.Flights[i].Icao, i);
        }

        var tracks = new AircraftTrack?[simulator.Flights.Count];
        var options = new TrackingOptions();
        var sizes = MeasureObjectSizes(options);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var reports = Feed(simulator, index, tracks, options);
        var withTracks = GC.GetTotalMemory(forceFullCollection: true);
        var states = Describe(tracks);
        Array.Clear(tracks);
        var withoutTracks = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(simulator);
        GC.KeepAlive(index);
        GC.KeepAlive(tracks);

        var n = (double)simulator.Flights.Count;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"Retained managed memory per AircraftTrack ({simulator.Flights.Count:N0} aircraft, {Seconds} s of simulated traffic, {reports:N0} reports merged)"));
        output.WriteLine(string.Create(inv, $"  typical state: {states}"));
        output.WriteLine(string.Create(inv, $"  GC.GetTotalMemory(true): before {before:N0} B, with tracks {withTracks:N0} B, tracks dropped {withoutTracks:N0} B"));
        output.WriteLine(string.Create(inv, $"  retained only by the tracks:          {(withTracks - withoutTracks) / n,8:N0} B per aircraft"));
        output.WriteLine(string.Create(inv, $"  including shared caches it filled:    {(withTracks - before) / n,8:N0} B per aircraft"));
        output.WriteLine(string.Create(inv, $"  object sizes (allocated bytes): AircraftTrack {sizes.Track} B, AircraftState {sizes.State} B, AircraftReport {sizes.Report} B"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Feed(TrafficSimulator simulator, Dictionary<string, int> index, AircraftTrack?[] tracks, TrackingOptions options)
    {
        var tick = new List<SbsMessage>();
        var line = new ArrayBufferWriter<byte>(256);
        var merged = 0;
        for (var t = 0; t <= Seconds; t++)
        {
            tick.Clear();
            simulator.Advance(Traffic.Start.AddSeconds(t), tick);
            foreach (var generated in tick)
            {
                line.Clear();
                SbsFormatter.TryFormat(generated, line.GetSpan(256), out var written);
                line.Advance(written);
                if (SbsParser.TryParse(line.WrittenSpan, out var message, out var error) != SbsParseStatus.Message)
                {
                    throw new InvalidOperationException($"Generated line did not parse: {error}");
                }

                var report = Traffic.ToReport(message);
                var i = index[report.Icao];
                var track = tracks[i] ??= new AircraftTrack(new string(report.Icao.AsSpan()), options);
                track.Apply(report, report.ReceivedAt, out _);
                merged++;
            }
        }

        return merged;
    }

    private static string Describe(AircraftTrack?[] tracks)
    {
        int position = 0, altitude = 0, velocity = 0, callsign = 0, squawk = 0, flags = 0;
        foreach (var state in tracks.Select(t => t?.State))
        {
            position += state?.Position is null ? 0 : 1;
            altitude += state?.BarometricAltitudeFeet is null ? 0 : 1;
            velocity += state is { GroundSpeedKnots: not null, TrackDegrees: not null, VerticalRateFeetPerMinute: not null } ? 1 : 0;
            callsign += state?.Callsign is null ? 0 : 1;
            squawk += state?.Squawk is null ? 0 : 1;
            flags += state is { OnGround: not null, Emergency: not null, Alert: not null, Spi: not null } ? 1 : 0;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"with position {position:N0}, altitude {altitude:N0}, speed+track+vertical rate {velocity:N0}, callsign {callsign:N0}, squawk {squawk:N0}, flags {flags:N0}");
    }

    /// <summary>Exact allocation of one instance of each type involved, for the breakdown.</summary>
    private static (long Track, long State, long Report) MeasureObjectSizes(TrackingOptions options)
    {
        var message = new SbsMessage(
            SbsTransmissionType.AirbornePosition, GulfOfCaliforniaScenario.Icao, false, Traffic.Start, Traffic.Start, null, 31_000,
            null, null, 26.3, -110.4, null, null, false, false, false, false);
        var track = new AircraftTrack(GulfOfCaliforniaScenario.Icao, options);
        var state = track.Apply(Traffic.ToReport(message), Traffic.Start, out _);

        // Warm up first so JIT and type loading do not count, then measure each allocation alone.
        for (var i = 0; i < 2; i++)
        {
            GC.KeepAlive(new AircraftTrack(GulfOfCaliforniaScenario.Icao, options));
            GC.KeepAlive(state with { });
            GC.KeepAlive(Traffic.ToReport(message));
        }

        var start = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(new AircraftTrack(GulfOfCaliforniaScenario.Icao, options));
        var afterTrack = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(state with { });
        var afterState = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(Traffic.ToReport(message));
        var afterReport = GC.GetAllocatedBytesForCurrentThread();
        return (afterTrack - start, afterState - afterTrack, afterReport - afterState);
    }
}
