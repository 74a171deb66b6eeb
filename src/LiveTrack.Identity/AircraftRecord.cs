namespace LiveTrack.Identity;

/// <summary>One aircraft database entry. Empty fields are null.</summary>
public sealed record AircraftRecord
{
    public string? Registration { get; init; }

    public string? TypeCode { get; init; }

    public string? Description { get; init; }

    public string? Operator { get; init; }

    /// <summary>The database's military flag (tar1090-db flags bit 0, plane-alert-db category "Mil").</summary>
    public bool? Military { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>This entry with <paramref name="other"/>'s non-empty fields laid over it.</summary>
    public AircraftRecord Overlay(AircraftRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new AircraftRecord
        {
            Registration = other.Registration ?? Registration,
            TypeCode = other.TypeCode ?? TypeCode,
            Description = other.Description ?? Description,
            Operator = other.Operator ?? Operator,
            Military = other.Military == true || Military == true ? true : other.Military ?? Military,
            Tags = [.. Tags.Concat(other.Tags).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }
}
