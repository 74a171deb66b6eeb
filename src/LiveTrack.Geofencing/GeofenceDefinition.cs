using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// One geofence, ready to evaluate: its horizontal shape, an optional altitude band, and the GeoJSON it was made
/// from. Create it with <see cref="GeofenceParser"/>, which validates, buffers and normalises the geometry.
/// </summary>
/// <param name="Id">Stable identifier (1–64 characters of <c>A–Z a–z 0–9 . _ ~ -</c>, safe in a URL path).</param>
/// <param name="Name">Human-readable name (the id when the document gave none).</param>
/// <param name="Tags">Free labels for grouping and filtering, without duplicates.</param>
/// <param name="Geometry">
/// The area the fence covers horizontally: a valid NetTopologySuite <see cref="Polygon"/> or
/// <see cref="MultiPolygon"/> with x = longitude and y = latitude in degrees, longitudes within [-180, 180], after
/// buffering and antimeridian normalisation (a shape crossing ±180 is split there into parts that touch it).
/// Edges are straight lines in longitude/latitude, as RFC 7946 defines them; the boundary counts as inside.
/// NetTopologySuite geometries are mutable objects: treat this one as read-only.
/// </param>
/// <param name="FloorFeet">Lowest altitude inside the fence, in feet (inclusive); null for no floor.</param>
/// <param name="CeilingFeet">Highest altitude inside the fence, in feet (inclusive); null for no ceiling.</param>
/// <param name="BufferNauticalMiles">The buffer that was applied to the drawn shape (0 for none).</param>
/// <param name="SourceGeoJson">The GeoJSON Feature exactly as submitted, for echoing back to clients.</param>
public sealed record GeofenceDefinition(
    string Id,
    string Name,
    IReadOnlyList<string> Tags,
    Geometry Geometry,
    int? FloorFeet,
    int? CeilingFeet,
    double BufferNauticalMiles,
    string SourceGeoJson)
{
    /// <summary>
    /// True when the fence has a floor or a ceiling (3D airspace): it then contains a position only when the
    /// position's altitude is known and within [<see cref="FloorFeet"/>, <see cref="CeilingFeet"/>].
    /// </summary>
    public bool HasAltitudeBand => FloorFeet is not null || CeilingFeet is not null;

    /// <summary>
    /// Where the shape came from, for fences made from a boundary dataset (see <see cref="NationalAirspace"/>); null
    /// for drawn fences. Its <see cref="FenceProvenance.ToleranceNauticalMiles"/> is the fence's tolerance.
    /// </summary>
    public FenceProvenance? Provenance { get; init; }

    /// <summary>How close to the line a position is too close to decide from this fence's data: 0 for drawn fences.</summary>
    public double ToleranceNauticalMiles => Provenance?.ToleranceNauticalMiles ?? 0;

    /// <summary>
    /// True when <paramref name="altitudeFeet"/> satisfies the altitude band: always for a 2D fence; for a 3D fence
    /// only when the altitude is known and within [floor, ceiling].
    /// </summary>
    public bool AllowsAltitude(double? altitudeFeet) => !HasAltitudeBand
        || (altitudeFeet is { } altitude
            && (FloorFeet is not { } floor || altitude >= floor)
            && (CeilingFeet is not { } ceiling || altitude <= ceiling));

    /// <summary>
    /// True when the fence contains the position: inside or on the horizontal boundary, and within the altitude
    /// band (see <see cref="HasAltitudeBand"/>). Longitudes outside [-180, 180) are wrapped; non-finite coordinates
    /// are in no fence. The same answer as <see cref="GeofenceIndex.Containing(double, double, int?)"/>.
    /// </summary>
    public bool Contains(double latitude, double longitude, int? altitudeFeet) =>
        AllowsAltitude(altitudeFeet) && PreparedFence.For(this).Covers(latitude, longitude);

    /// <inheritdoc cref="Contains(double, double, int?)"/>
    public bool Contains(GeoPoint position, int? altitudeFeet) => Contains(position.Latitude, position.Longitude, altitudeFeet);

    /// <summary>
    /// Value equality: every member, with <see cref="Tags"/> compared item by item and <see cref="Geometry"/>
    /// compared exactly (same coordinates in the same order).
    /// </summary>
    public bool Equals(GeofenceDefinition? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Id, other.Id, StringComparison.Ordinal)
                && string.Equals(Name, other.Name, StringComparison.Ordinal)
                && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
                && FloorFeet == other.FloorFeet
                && CeilingFeet == other.CeilingFeet
                && BufferNauticalMiles.Equals(other.BufferNauticalMiles)
                && string.Equals(SourceGeoJson, other.SourceGeoJson, StringComparison.Ordinal)
                && Equals(Provenance, other.Provenance)
                && Geometry.EqualsExact(other.Geometry)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(Id),
        StringComparer.Ordinal.GetHashCode(SourceGeoJson),
        FloorFeet,
        CeilingFeet,
        BufferNauticalMiles);
}
