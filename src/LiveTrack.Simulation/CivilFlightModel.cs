using System.Globalization;
using LiveTrack.Geo;

namespace LiveTrack.Simulation;

/// <summary>
/// An airliner flying great-circle routes between <see cref="Airports.All"/>: accelerating climb, cruise,
/// decelerating descent, then immediately a new route from the arrival airport under a new callsign.
/// </summary>
internal sealed class CivilFlightModel : IFlightModel
{
    /// <summary>Ground speed at the start of the climb and the end of the descent.</summary>
    internal const double TerminalSpeedKnots = 180;

    /// <summary>Routes shorter than this are not flown (leaves room for climb, cruise and descent).</summary>
    internal const double MinimumRouteNauticalMiles = 500;

    /// <summary>A new route may turn at most this far from the arrival track.</summary>
    internal const double MaximumTurnAtArrivalDegrees = 90;

    private static readonly Airport[] AirportTable = [.. Airports.All];
    private static readonly double[,] Distances = BuildDistances();

    private readonly Random random;
    private readonly string airline;
    private readonly HashSet<string> callsignsInUse;

    private int originIndex;
    private int destinationIndex;
    private double routeNm;
    private double cruiseKnots;
    private double cruiseFeet;
    private double climbFpm;
    private double descentFpm;
    private double climbSeconds;
    private double cruiseSeconds;
    private double descentSeconds;
    private double climbNm;
    private double cruiseNm;

    /// <summary>Seconds since the simulation start at which the current route began (may be negative).</summary>
    private double routeStartedAt;

    public CivilFlightModel(string icao, int seed, HashSet<string> callsignsInUse)
    {
        random = new Random(seed);
        this.callsignsInUse = callsignsInUse;
        airline = Airlines.Designators[random.Next(Airlines.Designators.Length)];

        originIndex = random.Next(AirportTable.Length);
        var destination = PickDestination(originIndex, arrivalTrack: null);
        Flight = new SimulatedFlight(icao, isMilitary: false, NewCallsign(), NewSquawk());
        BeginRoute(destination);

        // Start somewhere along the route so the map is populated at once.
        routeStartedAt = -random.NextDouble() * RouteSeconds;
        Update(-routeStartedAt);
    }

    public SimulatedFlight Flight { get; }

    private double RouteSeconds => climbSeconds + cruiseSeconds + descentSeconds;

    public bool AdvanceTo(double elapsedSeconds)
    {
        var changed = false;
        while (elapsedSeconds - routeStartedAt >= RouteSeconds)
        {
            var arrivalTrack = FinalBearing(originIndex, destinationIndex);
            routeStartedAt += RouteSeconds;
            originIndex = destinationIndex;
            callsignsInUse.Remove(Flight.Callsign);
            Flight.Callsign = NewCallsign();
            Flight.Squawk = NewSquawk();
            BeginRoute(PickDestination(originIndex, arrivalTrack));
            changed = true;
        }

        Update(elapsedSeconds - routeStartedAt);
        return changed;
    }

    private void BeginRoute(int destination)
    {
        destinationIndex = destination;
        var origin = AirportTable[originIndex];
        var dest = AirportTable[destination];
        routeNm = Distances[originIndex, destination];

        cruiseKnots = 420 + (random.NextDouble() * 70);

        // Semicircular rule: eastbound odd flight levels FL310..FL410, westbound even FL300..FL400.
        var eastbound = Geodesy.InitialBearingDegrees(origin.Location, dest.Location) < 180;
        var level = eastbound ? 310 + (20 * random.Next(6)) : 300 + (20 * random.Next(6));
        cruiseFeet = level * 100;

        climbFpm = 1500 + (random.NextDouble() * 1000);
        descentFpm = 1500 + (random.NextDouble() * 1000);
        climbSeconds = cruiseFeet / climbFpm * 60;
        descentSeconds = cruiseFeet / descentFpm * 60;
        var averageTerminalPhaseKnots = (TerminalSpeedKnots + cruiseKnots) / 2;
        climbNm = averageTerminalPhaseKnots * climbSeconds / 3600;
        var descentNm = averageTerminalPhaseKnots * descentSeconds / 3600;
        cruiseNm = routeNm - climbNm - descentNm;
        cruiseSeconds = cruiseNm / cruiseKnots * 3600;

        Flight.Origin = origin;
        Flight.Destination = dest;
    }

    private void Update(double t)
    {
        double along;
        double altitude;
        double speed;
        int verticalRate;
        var accelerationRange = cruiseKnots - TerminalSpeedKnots;

        if (t < climbSeconds)
        {
            speed = TerminalSpeedKnots + (accelerationRange * t / climbSeconds);
            along = ((TerminalSpeedKnots * t) + (accelerationRange * t * t / (2 * climbSeconds))) / 3600;
            altitude = climbFpm * t / 60;
            verticalRate = (int)Math.Round(climbFpm);
        }
        else if (t < climbSeconds + cruiseSeconds)
        {
            speed = cruiseKnots;
            along = climbNm + (cruiseKnots * (t - climbSeconds) / 3600);
            altitude = cruiseFeet;
            verticalRate = 0;
        }
        else
        {
            var tau = Math.Min(t - climbSeconds - cruiseSeconds, descentSeconds);
            speed = cruiseKnots - (accelerationRange * tau / descentSeconds);
            along = climbNm + cruiseNm + (((cruiseKnots * tau) - (accelerationRange * tau * tau / (2 * descentSeconds))) / 3600);
            altitude = cruiseFeet - (descentFpm * tau / 60);
            verticalRate = -(int)Math.Round(descentFpm);
        }

        var origin = AirportTable[originIndex].Location;
        var destination = AirportTable[destinationIndex].Location;
        var fraction = Math.Clamp(along / routeNm, 0, 1);
        var position = Geodesy.Interpolate(origin, destination, fraction);

        var flight = Flight;
        flight.Position = position;
        flight.AltitudeFeet = Math.Max(0, (int)(Math.Round(altitude / 25) * 25));
        flight.GroundSpeedKnots = speed;
        flight.VerticalRateFeetPerMinute = verticalRate;
        flight.TrackDegrees = routeNm - along > 0.05
            ? Geodesy.InitialBearingDegrees(position, destination)
            : FinalBearing(originIndex, destinationIndex);
    }

    private int PickDestination(int from, double? arrivalTrack)
    {
        var candidates = new List<int>();
        var best = -1;
        var bestTurn = double.MaxValue;
        for (var i = 0; i < AirportTable.Length; i++)
        {
            if (i == from || Distances[from, i] < MinimumRouteNauticalMiles)
            {
                continue;
            }

            if (arrivalTrack is not { } track)
            {
                candidates.Add(i);
                continue;
            }

            // Keep turning angles moderate so the aircraft never doubles back on itself at an airport.
            var turn = AngleBetween(track, Geodesy.InitialBearingDegrees(AirportTable[from].Location, AirportTable[i].Location));
            if (turn <= MaximumTurnAtArrivalDegrees)
            {
                candidates.Add(i);
            }

            if (turn < bestTurn)
            {
                bestTurn = turn;
                best = i;
            }
        }

        return candidates.Count > 0 ? candidates[random.Next(candidates.Count)] : best;
    }

    private string NewCallsign()
    {
        while (true)
        {
            var number = random.Next(2) == 0 ? random.Next(1, 1000) : random.Next(1000, 10000);
            var callsign = string.Create(CultureInfo.InvariantCulture, $"{airline}{number}");
            if (callsignsInUse.Add(callsign))
            {
                return callsign;
            }
        }
    }

    private string NewSquawk()
    {
        while (true)
        {
            var code = Convert.ToString(random.Next(0, 4096), 8).PadLeft(4, '0');
            if (code is not ("7500" or "7600" or "7700" or "0000" or "7777"))
            {
                return code;
            }
        }
    }

    private static double FinalBearing(int from, int to) =>
        (Geodesy.InitialBearingDegrees(AirportTable[to].Location, AirportTable[from].Location) + 180) % 360;

    private static double AngleBetween(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }

    private static double[,] BuildDistances()
    {
        var n = AirportTable.Length;
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distances[i, j] = Geodesy.DistanceNauticalMiles(AirportTable[i].Location, AirportTable[j].Location);
            }
        }

        return distances;
    }
}
