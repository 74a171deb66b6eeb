namespace LiveTrack.Server.Identity;

/// <summary>Aircraft identity sources. Bound from <c>LiveTrack:Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "LiveTrack:Identity";

    /// <summary>
    /// Aircraft database files (tar1090-db <c>aircraft.csv</c> or <c>.csv.gz</c>, plane-alert-db CSV), relative to the
    /// content root; read in order at start, a later file's fields laid over an earlier one's.
    /// </summary>
    public string[] Databases { get; set; } = [];
}
