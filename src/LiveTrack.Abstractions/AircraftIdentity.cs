namespace LiveTrack;

/// <summary>
/// Who an aircraft is, looked up once per aircraft from its address and the optional aircraft database: the
/// country its address block is allocated to, a military flag, and the database's registration, type, description,
/// operator and tags. Feeds that report registration, type or the military flag themselves take precedence in the
/// snapshot (a military flag from any source makes the aircraft military).
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.AircraftIdentity")]
public sealed record AircraftIdentity
{
    /// <summary>Country (or organisation) of registration from the ICAO address allocation, e.g. <c>United States</c>.</summary>
    [Id(0)] public string? Country { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of <see cref="Country"/>, e.g. <c>US</c> (null for ICAO's own blocks).</summary>
    [Id(1)] public string? CountryCode { get; init; }

    /// <summary>True for a known military address range or the database's military flag; false for other allocated addresses.</summary>
    [Id(2)] public bool? Military { get; init; }

    [Id(3)] public string? Registration { get; init; }

    /// <summary>ICAO type designator, e.g. <c>R135</c>.</summary>
    [Id(4)] public string? TypeCode { get; init; }

    /// <summary>Type description, e.g. <c>BOEING RC-135V</c>.</summary>
    [Id(5)] public string? Description { get; init; }

    /// <summary>Owner or operator, e.g. <c>United States Air Force</c>.</summary>
    [Id(6)] public string? Operator { get; init; }

    /// <summary>Tags and categories (plane-alert-db), e.g. <c>Rivet Joint</c>, <c>USAF</c>.</summary>
    [Id(7)] public string[] Tags { get; init; } = [];

    /// <summary>True when the aircraft database had an entry for the address.</summary>
    [Id(8)] public bool InDatabase { get; init; }
}
