namespace LiveTrack.Identity;

/// <summary>The community aircraft database layouts LiveTrack reads.</summary>
public enum AircraftDatabaseLayout
{
    /// <summary>tar1090-db <c>aircraft.csv</c>: <c>icao;registration;type;flags;description[;year;owner/operator]</c>, no header.</summary>
    Tar1090,
    /// <summary>plane-alert-db CSV with a header row (<c>$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,…</c>).</summary>
    PlaneAlert,
}
