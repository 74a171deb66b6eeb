namespace LiveTrack.Server.Airspace;

/// <summary>One derived international-waters fence.</summary>
public sealed class InternationalWatersOptions
{
    /// <summary>The fence's id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The fence's name.</summary>
    public string? Name { get; set; }

    /// <summary>A GeoJSON Feature with the water area's Polygon (relative to the content root).</summary>
    public string Area { get; set; } = "";

    /// <summary>The countries (codes in <see cref="NationalAirspaceOptions.Countries"/>) whose national airspace is subtracted.</summary>
    public string[] Countries { get; set; } = [];
}
