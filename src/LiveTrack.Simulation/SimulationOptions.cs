namespace LiveTrack.Simulation;

/// <summary>Settings for <see cref="TrafficSimulator"/>.</summary>
public sealed record SimulationOptions
{
    /// <summary>The largest accepted <see cref="AircraftCount"/>.</summary>
    public const int MaxAircraftCount = 100_000;

    /// <summary>Number of civil aircraft to simulate, 0..100,000. Defaults to 300.</summary>
    public int AircraftCount
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxAircraftCount);
            field = value;
        }
    } = 300;

    /// <summary>Seed for the pseudo-random traffic; the same seed and tick sequence give the same messages.</summary>
    public int Seed { get; init; } = 20261123;

    /// <summary>
    /// Adds the reconnaissance flight of <see cref="GulfOfCaliforniaScenario"/> after the civil aircraft.
    /// Defaults to true.
    /// </summary>
    public bool IncludeGulfOfCaliforniaScenario { get; init; } = true;
}
