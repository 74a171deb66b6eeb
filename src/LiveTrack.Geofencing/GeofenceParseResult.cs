namespace LiveTrack.Geofencing;

/// <summary>
/// The outcome of <see cref="GeofenceParser.Parse(string, Func{string}?)"/>: either every fence of the document
/// (<see cref="IsValid"/>) or every problem found, never a mix — a document with one bad feature yields no fences.
/// </summary>
public sealed class GeofenceParseResult
{
    internal GeofenceParseResult(IReadOnlyList<GeofenceDefinition> fences, IReadOnlyList<GeofenceValidationError> errors)
    {
        Fences = errors.Count == 0 ? fences : [];
        Errors = errors;
    }

    /// <summary>The fences, in document order (one per feature). Empty when <see cref="IsValid"/> is false.</summary>
    public IReadOnlyList<GeofenceDefinition> Fences { get; }

    /// <summary>Every problem found, in document order (at most <see cref="GeofenceParser.MaxErrors"/>).</summary>
    public IReadOnlyList<GeofenceValidationError> Errors { get; }

    /// <summary>True when the document had no errors.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// The errors grouped by field, in the shape ASP.NET Core's <c>ValidationProblem</c> expects
    /// (<c>errors: { "properties.floorFt": ["..."] }</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string[]> ErrorsByField() => Errors
        .GroupBy(e => e.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
