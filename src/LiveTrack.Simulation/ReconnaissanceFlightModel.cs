namespace LiveTrack.Simulation;

/// <summary>Flies the <see cref="GulfOfCaliforniaScenario"/> orbit at constant speed and altitude.</summary>
internal sealed class ReconnaissanceFlightModel : IFlightModel
{
    public ReconnaissanceFlightModel()
    {
        Flight = new SimulatedFlight(
            GulfOfCaliforniaScenario.Icao,
            isMilitary: true,
            GulfOfCaliforniaScenario.Callsign,
            GulfOfCaliforniaScenario.Squawk)
        {
            AltitudeFeet = GulfOfCaliforniaScenario.AltitudeFeet,
            GroundSpeedKnots = GulfOfCaliforniaScenario.GroundSpeedKnots,
            VerticalRateFeetPerMinute = 0,
        };
        AdvanceTo(0);
    }

    public SimulatedFlight Flight { get; }

    public bool AdvanceTo(double elapsedSeconds)
    {
        var (position, track) = GulfOfCaliforniaScenario.StateAt(elapsedSeconds);
        Flight.Position = position;
        Flight.TrackDegrees = track;
        return false;
    }
}
