namespace LiveTrack.Identity;

/// <summary>Looks up who an aircraft is from its normalised address (6 lower-case hex digits, or <c>~</c> + 6).</summary>
public interface IAircraftIdentityProvider
{
    /// <summary>The identity, or null when nothing is known (a non-ICAO or unallocated address without a database entry).</summary>
    AircraftIdentity? Find(string icao);
}
