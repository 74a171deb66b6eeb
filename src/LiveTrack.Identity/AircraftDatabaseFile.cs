namespace LiveTrack.Identity;

/// <summary>What loading one aircraft database file found.</summary>
/// <param name="Path">The file.</param>
/// <param name="Layout">The layout recognised.</param>
/// <param name="Rows">Data rows read (header and blank lines excluded).</param>
/// <param name="Entries">Rows that became entries.</param>
/// <param name="Malformed">Rows skipped as malformed: bad address, too few columns, unbalanced quotes.</param>
public sealed record AircraftDatabaseFile(string Path, AircraftDatabaseLayout Layout, long Rows, long Entries, long Malformed);
