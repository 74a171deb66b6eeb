using System.ComponentModel.DataAnnotations;
using LiveTrack.Geofencing;

namespace LiveTrack.Server.Airspace;

/// <summary>National airspace imported at start-up. Bound from <c>LiveTrack:Geofences:NationalAirspace</c>.</summary>
public sealed class NationalAirspaceOptions : IValidatableObject
{
    public const string SectionName = "LiveTrack:Geofences:NationalAirspace";

    /// <summary>
    /// Folder holding the installed boundary datasets (<c>&lt;folder&gt;/maritime_1000m/borders.geo.json</c>); a
    /// relative path is relative to the application's folder, where the build copies them.
    /// </summary>
    [Required]
    public string BoundariesPath { get; set; } = "boundaries";

    /// <summary>Dataset the start-up import reads.</summary>
    [Required]
    public string Dataset { get; set; } = BoundaryDataset.DefaultName;

    /// <summary>ISO 3166-1 codes (alpha-3 or alpha-2) whose national airspace is imported at start-up.</summary>
    public string[] Countries { get; set; } = [];

    /// <summary>Fence names by country code (default: <c>National airspace of MEX</c>).</summary>
    public Dictionary<string, string> Names { get; set; } = [];

    /// <summary>International-waters fences derived at start-up from an area minus the imported national airspace.</summary>
    public InternationalWatersOptions[] InternationalWaters { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BoundaryDataset.Find(Dataset) is null)
        {
            yield return new ValidationResult(
                $"Unknown dataset '{Dataset}': one of {string.Join(", ", BoundaryDataset.Known.Select(d => d.Name))}.",
                [nameof(Dataset)]);
        }

        for (var i = 0; i < InternationalWaters.Length; i++)
        {
            var waters = InternationalWaters[i];
            if (string.IsNullOrWhiteSpace(waters.Id) || string.IsNullOrWhiteSpace(waters.Area) || waters.Countries.Length == 0)
            {
                yield return new ValidationResult(
                    $"InternationalWaters:{i} needs an Id, an Area (GeoJSON file) and at least one country.",
                    [$"{nameof(InternationalWaters)}:{i}"]);
            }
            else if (waters.Countries.Any(c => !Countries.Contains(c, StringComparer.OrdinalIgnoreCase)))
            {
                yield return new ValidationResult(
                    $"InternationalWaters:{i} subtracts a country that is not in Countries.",
                    [$"{nameof(InternationalWaters)}:{i}:{nameof(InternationalWatersOptions.Countries)}"]);
            }
        }
    }
}
