namespace LiveTrack.Import;

/// <summary>The recorded-data formats an import reads.</summary>
public enum ImportFormat
{
    /// <summary>Decided per file from its content, with the file name as a hint (see <see cref="ImportRunner"/>).</summary>
    Auto = 0,

    /// <summary>readsb / tar1090 globe history: <c>trace_full_&lt;hex&gt;.json</c> and <c>trace_recent_&lt;hex&gt;.json</c>.</summary>
    ReadsbTrace,

    /// <summary>readsb / tar1090 / ADS-B Exchange v2 <c>aircraft.json</c> snapshots, each with its own <c>now</c>.</summary>
    AircraftJson,

    /// <summary>SBS-1 (BaseStation) lines, stamped with their own date/time fields.</summary>
    Sbs,

    /// <summary>OpenSky Network REST <c>/api/states/all</c> responses.</summary>
    OpenSkyStates,

    /// <summary>OpenSky state vectors as CSV with the historical database (Trino) column names.</summary>
    OpenSkyCsv,
}
