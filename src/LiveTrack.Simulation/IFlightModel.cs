namespace LiveTrack.Simulation;

/// <summary>Moves one <see cref="SimulatedFlight"/> through simulated time.</summary>
internal interface IFlightModel
{
    SimulatedFlight Flight { get; }

    /// <summary>Moves the flight to <paramref name="elapsedSeconds"/> since the simulation start (never decreasing).</summary>
    /// <returns>True when the callsign/squawk changed (a new route began).</returns>
    bool AdvanceTo(double elapsedSeconds);
}
