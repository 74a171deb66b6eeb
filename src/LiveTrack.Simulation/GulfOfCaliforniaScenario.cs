using LiveTrack.Geo;

namespace LiveTrack.Simulation;

/// <summary>
/// A US Air Force reconnaissance aircraft (RC-135 style) flying a clockwise racetrack orbit over the
/// international strip in the middle of the southern Gulf of California (outside Mexico's national airspace as
/// OpenStreetMap's maritime boundary draws it). The legs lie along the gulf's axis (315°/135°). Every third lap
/// (lap numbers 0, 3, 6, … counted from the simulation start, so the first one begins at once) the south-east end
/// is extended towards the mainland so the aircraft passes <see cref="ClosestApproachNauticalMiles"/> from
/// <see cref="CoastPoint"/> — briefly inside Mexico's 12 nm territorial sea, about a quarter of an hour after the
/// start — before returning to the normal orbit. The flight starts at the beginning of lap 0 (the north-west end,
/// heading south-east) at the simulation start, whatever the seed.
/// </summary>
public static class GulfOfCaliforniaScenario
{
    /// <summary>ICAO address, inside the US military block AE0000–AFFFFF.</summary>
    public const string Icao = "ae01c5";

    /// <summary>Flight identification.</summary>
    public const string Callsign = "JAKE21";

    /// <summary>Mode A code.</summary>
    public const string Squawk = "1234";

    /// <summary>Orbit altitude (FL310).</summary>
    public const int AltitudeFeet = 31_000;

    /// <summary>Constant ground speed.</summary>
    public const double GroundSpeedKnots = 360;

    /// <summary>Length of each straight leg of the normal orbit.</summary>
    public const double LegLengthNauticalMiles = 40;

    /// <summary>Radius of every turn.</summary>
    public const double TurnRadiusNauticalMiles = 8;

    /// <summary>Direction of the orbit's axis from the centre to its north-west end; the other end lies at 135°.</summary>
    public const double AxisBearingDegrees = 315;

    /// <summary>Every this-many laps the south-east end is extended towards <see cref="CoastPoint"/>.</summary>
    public const int ExtendedLapInterval = 3;

    /// <summary>Closest distance to <see cref="CoastPoint"/> reached on an extended lap.</summary>
    public const double ClosestApproachNauticalMiles = 8;

    /// <summary>Breadth of a territorial sea under UNCLOS, for demos that check incursions.</summary>
    public const double TerritorialSeaNauticalMiles = 12;

    /// <summary>Centre of the normal orbit, mid-gulf: 26.3° N, 110.4° W.</summary>
    public static GeoPoint OrbitCentre { get; } = new(26.3, -110.4);

    /// <summary>The mainland coast the extended laps approach: near Topolobampo, Sinaloa (25.60° N, 109.05° W).</summary>
    public static GeoPoint CoastPoint { get; } = new(25.60, -109.05);

    // Declared after OrbitCentre and CoastPoint: static initialisers run in textual order.
    private static readonly OrbitPath Path = new(
        NorthWestTurnCentre,
        [ExtendedTurnCentre, SouthEastTurnCentre, SouthEastTurnCentre],
        TurnRadiusNauticalMiles);

    /// <summary>Centre of the north-west turn (half a leg from <see cref="OrbitCentre"/> along the axis).</summary>
    public static GeoPoint NorthWestTurnCentre =>
        Geodesy.Destination(OrbitCentre, AxisBearingDegrees, LegLengthNauticalMiles / 2);

    /// <summary>Centre of the normal south-east turn.</summary>
    public static GeoPoint SouthEastTurnCentre =>
        Geodesy.Destination(OrbitCentre, AxisBearingDegrees - 180, LegLengthNauticalMiles / 2);

    /// <summary>
    /// Centre of the extended south-east turn: on the great circle from <see cref="CoastPoint"/> to
    /// <see cref="NorthWestTurnCentre"/>, one turn radius plus <see cref="ClosestApproachNauticalMiles"/>
    /// from the coast.
    /// </summary>
    public static GeoPoint ExtendedTurnCentre => Geodesy.Destination(
        CoastPoint,
        Geodesy.InitialBearingDegrees(CoastPoint, NorthWestTurnCentre),
        TurnRadiusNauticalMiles + ClosestApproachNauticalMiles);

    /// <summary>Duration of a normal lap between two normal laps (lap 1).</summary>
    public static TimeSpan NormalLapDuration => FlyingTime(Path.LapLengthNm(1));

    /// <summary>Duration of an extended lap (lap 0).</summary>
    public static TimeSpan ExtendedLapDuration => FlyingTime(Path.LapLengthNm(0));

    /// <summary>Duration of one cycle of <see cref="ExtendedLapInterval"/> laps (the pattern then repeats).</summary>
    public static TimeSpan CycleDuration => FlyingTime(Path.CycleLengthNm);

    /// <summary>True for the laps whose south-east end is extended towards the coast (0, 3, 6, …).</summary>
    public static bool IsExtendedLap(long lapNumber) => lapNumber % ExtendedLapInterval == 0;

    /// <summary>The lap (0-based) being flown <paramref name="elapsed"/> after the simulation start.</summary>
    public static long LapNumberAt(TimeSpan elapsed) => Path.LapNumberAt(DistanceFlown(elapsed));

    /// <summary>The aircraft's position <paramref name="elapsed"/> after the simulation start.</summary>
    public static GeoPoint PositionAt(TimeSpan elapsed) => Path.StateAt(DistanceFlown(elapsed)).Position;

    internal static (GeoPoint Position, double TrackDegrees) StateAt(double elapsedSeconds) =>
        Path.StateAt(elapsedSeconds * GroundSpeedKnots / 3600);

    private static double DistanceFlown(TimeSpan elapsed) => elapsed.TotalSeconds * GroundSpeedKnots / 3600;

    private static TimeSpan FlyingTime(double nauticalMiles) => TimeSpan.FromSeconds(nauticalMiles / GroundSpeedKnots * 3600);
}
