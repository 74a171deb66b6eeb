namespace LiveTrack.History;

/// <summary>Which field of an aircraft's identity or state changed (<see cref="ChangeRecord"/>).</summary>
public enum ChangeField
{
    Callsign = 0,
    Squawk = 1,
    /// <summary>Barometric altitude (feet, as text).</summary>
    Altitude = 2,
    /// <summary>The emergency flag (<c>true</c>/<c>false</c>).</summary>
    Emergency = 3,
}
