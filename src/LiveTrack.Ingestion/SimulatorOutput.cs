namespace LiveTrack.Ingestion;

/// <summary>What the simulator feed renders its traffic as before reading it back.</summary>
public enum SimulatorOutput
{
    /// <summary>SBS-1 lines, read by the SBS parser.</summary>
    Sbs,
    /// <summary>Beast binary frames (DF17 squitters, DF5 replies), read by the Mode S decoder with CPR decoding.</summary>
    Beast,
}
