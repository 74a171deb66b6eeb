using System.Globalization;
using LiveTrack.Adsb;

namespace LiveTrack.Simulation;

/// <summary>
/// Deterministic worldwide traffic rendered as SBS-1 messages. Civil airliners fly great-circle routes between
/// <see cref="Airports.All"/>; optionally the <see cref="GulfOfCaliforniaScenario"/> reconnaissance flight is
/// added as the last flight. Not thread-safe: call <see cref="Advance"/> from one thread at a time.
/// </summary>
public sealed class TrafficSimulator
{
    /// <summary>Nominal interval between MSG,1 (identification) messages per aircraft.</summary>
    public static readonly TimeSpan IdentificationInterval = TimeSpan.FromSeconds(10);

    /// <summary>Nominal interval between MSG,6 (squawk) messages per aircraft.</summary>
    public static readonly TimeSpan SquawkInterval = TimeSpan.FromSeconds(30);

    private const int MilitaryBlockStart = 0xAE0000;
    private const int MilitaryBlockEnd = 0xAFFFFF;

    private readonly Slot[] slots;
    private bool started;

    /// <summary>Creates the traffic as it is at <paramref name="start"/>.</summary>
    public TrafficSimulator(SimulationOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Start = start;
        Now = start;

        var master = new Random(options.Seed);
        var icaos = new HashSet<string>(StringComparer.Ordinal) { GulfOfCaliforniaScenario.Icao };
        var callsigns = new HashSet<string>(StringComparer.Ordinal) { GulfOfCaliforniaScenario.Callsign };
        var list = new List<Slot>(options.AircraftCount + 1);

        for (var i = 0; i < options.AircraftCount; i++)
        {
            string icao;
            do
            {
                var address = master.Next(1, 0x1000000);
                if (address is >= MilitaryBlockStart and <= MilitaryBlockEnd)
                {
                    continue;
                }

                icao = address.ToString("x6", CultureInfo.InvariantCulture);
                if (icaos.Add(icao))
                {
                    break;
                }
            }
            while (true);

            var seed = master.Next();

            // Spread the periodic messages over the interval instead of sending them all on the same tick.
            var identificationPhase = 1 + master.Next((int)IdentificationInterval.TotalSeconds);
            var squawkPhase = master.Next((int)SquawkInterval.TotalSeconds);
            list.Add(new Slot(new CivilFlightModel(icao, seed, callsigns), identificationPhase, squawkPhase));
        }

        if (options.IncludeGulfOfCaliforniaScenario)
        {
            list.Add(new Slot(new ReconnaissanceFlightModel(), IdentificationInterval.TotalSeconds, 0));
        }

        slots = [.. list];
        Flights = Array.AsReadOnly(slots.Select(s => s.Model.Flight).ToArray());
    }

    /// <summary>The options this simulator was created with.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The simulated start time.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The time of the latest <see cref="Advance"/> (initially <see cref="Start"/>).</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>
    /// All simulated aircraft: <see cref="SimulationOptions.AircraftCount"/> civil flights followed by the
    /// scenario flight when enabled. Each entry reflects the state at <see cref="Now"/>.
    /// </summary>
    public IReadOnlyList<SimulatedFlight> Flights { get; }

    /// <summary>
    /// Moves every flight to <paramref name="now"/> and appends this tick's messages, all timestamped
    /// <paramref name="now"/>: per flight an MSG,3 (airborne position) and an MSG,4 (velocity) every tick, an
    /// MSG,1 (callsign) on the first tick, about every <see cref="IdentificationInterval"/> and whenever the
    /// callsign changes, and an MSG,6 (squawk) about every <see cref="SquawkInterval"/> and whenever the squawk
    /// changes. Time may jump forwards by any amount (including zero).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="now"/> is earlier than <see cref="Now"/>.</exception>
    public void Advance(DateTimeOffset now, ICollection<SbsMessage> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (now < Now)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Time cannot go backwards: {now:O} is before {Now:O}."),
                nameof(now));
        }

        Now = now;
        var elapsed = (now - Start).TotalSeconds;
        var firstTick = !started;
        started = true;

        foreach (var slot in slots)
        {
            var changed = slot.Model.AdvanceTo(elapsed);
            var flight = slot.Model.Flight;

            output.Add(new SbsMessage(
                SbsTransmissionType.AirbornePosition, flight.Icao, IsMlat: false, now, now,
                Callsign: null, flight.AltitudeFeet, GroundSpeedKnots: null, TrackDegrees: null,
                flight.Position.Latitude, flight.Position.Longitude, VerticalRateFeetPerMinute: null, Squawk: null,
                SquawkChangeAlert: false, Emergency: false, Spi: false, OnGround: false));

            output.Add(new SbsMessage(
                SbsTransmissionType.AirborneVelocity, flight.Icao, IsMlat: false, now, now,
                Callsign: null, AltitudeFeet: null, flight.GroundSpeedKnots, flight.TrackDegrees,
                Latitude: null, Longitude: null, flight.VerticalRateFeetPerMinute, Squawk: null,
                SquawkChangeAlert: null, Emergency: null, Spi: null, OnGround: null));

            if (firstTick)
            {
                slot.NextIdentificationAt = elapsed + slot.IdentificationPhase;
                slot.NextSquawkAt = elapsed + slot.SquawkPhase;
            }

            if (firstTick || changed || Due(ref slot.NextIdentificationAt, elapsed, IdentificationInterval.TotalSeconds))
            {
                if (changed)
                {
                    slot.NextIdentificationAt = elapsed + IdentificationInterval.TotalSeconds;
                }

                output.Add(new SbsMessage(
                    SbsTransmissionType.Identification, flight.Icao, IsMlat: false, now, now,
                    flight.Callsign, AltitudeFeet: null, GroundSpeedKnots: null, TrackDegrees: null,
                    Latitude: null, Longitude: null, VerticalRateFeetPerMinute: null, Squawk: null,
                    SquawkChangeAlert: null, Emergency: null, Spi: null, OnGround: null));
            }

            if (changed || Due(ref slot.NextSquawkAt, elapsed, SquawkInterval.TotalSeconds))
            {
                if (changed)
                {
                    slot.NextSquawkAt = elapsed + SquawkInterval.TotalSeconds;
                }

                output.Add(new SbsMessage(
                    SbsTransmissionType.SurveillanceIdentity, flight.Icao, IsMlat: false, now, now,
                    Callsign: null, flight.AltitudeFeet, GroundSpeedKnots: null, TrackDegrees: null,
                    Latitude: null, Longitude: null, VerticalRateFeetPerMinute: null, flight.Squawk,
                    SquawkChangeAlert: changed, Emergency: false, Spi: false, OnGround: false));
            }
        }
    }

    /// <summary>True when <paramref name="next"/> has come; then schedules the following occurrence.</summary>
    private static bool Due(ref double next, double elapsed, double interval)
    {
        if (elapsed < next)
        {
            return false;
        }

        next += interval;
        if (next <= elapsed)
        {
            // After a long jump, resume the rhythm from now rather than catching up.
            next = elapsed + interval;
        }

        return true;
    }

    private sealed class Slot(IFlightModel model, double identificationPhase, double squawkPhase)
    {
        public IFlightModel Model { get; } = model;

        public double IdentificationPhase { get; } = identificationPhase;

        public double SquawkPhase { get; } = squawkPhase;

#pragma warning disable CA1051 // Mutable scheduling state, passed by ref; private nested type.
        public double NextIdentificationAt;
        public double NextSquawkAt;
#pragma warning restore CA1051
    }
}
