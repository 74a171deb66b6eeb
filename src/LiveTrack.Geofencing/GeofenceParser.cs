using System.Text.Json;

namespace LiveTrack.Geofencing;

/// <summary>
/// Reads geofences from RFC 7946 GeoJSON: the source-generated serializer reads each Feature's shape
/// (<see cref="Documents.FeatureDocument"/>: repeated members and values of the wrong type are refused, naming their
/// JSON path), then one validation step checks the values and reports every problem with the field it is in.
/// </summary>
/// <remarks>
/// <para><b>Accepted documents.</b> A <c>Feature</c>, or a <c>FeatureCollection</c> with one fence per feature
/// (at most <see cref="MaxFeatures"/>). A feature's geometry is a <c>Polygon</c> or <c>MultiPolygon</c> (holes
/// allowed; ring orientation is not checked, as RFC 7946 §3.1.6 allows), or a <c>Point</c> with
/// <c>properties.radiusNm</c> for a circle. Positions are [longitude, latitude] with an optional, ignored altitude.
/// Edges are straight lines in longitude/latitude (RFC 7946 §3.1.1).</para>
/// <para><b>Properties</b> (all optional): <c>id</c> (or the Feature's own <c>id</c>; 1–64 characters of
/// <c>A–Z a–z 0–9 . _ ~ -</c>; generated when absent), <c>name</c> (≤ 200 characters; defaults to the id),
/// <c>tags</c> (≤ 32 strings of ≤ 64 characters; duplicates dropped), <c>floorFt</c> and <c>ceilingFt</c>
/// (whole feet within <see cref="MinAltitudeFeet"/>..<see cref="MaxAltitudeFeet"/>, floor ≤ ceiling; either makes
/// the fence 3D), <c>bufferNm</c> (0..<see cref="MaxBufferNauticalMiles"/>), <c>radiusNm</c> (Point only,
/// 0 &lt; r ≤ <see cref="MaxRadiusNauticalMiles"/>). Other properties are kept in the source GeoJSON and ignored.</para>
/// <para><b>Antimeridian.</b> Both RFC 7946 conventions work: a shape already split into parts that touch ±180
/// (§3.1.9), and a polygon whose rings continue past ±180 with longitudes up to ±540 (a polygon written entirely
/// beyond ±180 is refused as a likely mistake). The second kind is split at ±180 into a MultiPolygon. A ring that
/// jumps from 179 to -179 is taken literally (straight lon/lat edge the long way round), as RFC 7946 defines it.</para>
/// <para><b>Geometry checks</b> (NetTopologySuite <c>IsValidOp</c>): self-crossing rings, holes outside their
/// outline or inside another hole, holes that cut the interior apart, MultiPolygon parts that overlap.</para>
/// <para><b>Circles</b> are polygons of 64–1,024 vertices on the circle (see <see cref="GeodesicCircle"/>); a
/// circle's buffer simply adds to its radius. <b>Buffers</b> of polygons are computed on the sphere (see
/// <see cref="GeodesicBuffer"/>), to within 0.01 nm, whatever the polygon's size.</para>
/// </remarks>
public static class GeofenceParser
{
    /// <summary>Most positions in one fence, counting every ring of every polygon (a circle counts 1).</summary>
    public const int MaxVertices = 10_000;

    /// <summary>Most features in one FeatureCollection.</summary>
    public const int MaxFeatures = 1_000;

    /// <summary>Most errors reported for one document; the rest are not reported.</summary>
    public const int MaxErrors = 100;

    /// <summary>Largest circle radius, in nautical miles.</summary>
    public const double MaxRadiusNauticalMiles = 500;

    /// <summary>Largest buffer, in nautical miles.</summary>
    public const double MaxBufferNauticalMiles = 200;

    /// <summary>Lowest allowed floor or ceiling, in feet.</summary>
    public const int MinAltitudeFeet = -2_000;

    /// <summary>Highest allowed floor or ceiling, in feet.</summary>
    public const int MaxAltitudeFeet = 130_000;

    /// <summary>
    /// Parses a GeoJSON document. <paramref name="newId"/> supplies ids for features without one (default: a new
    /// GUID in 32 hex digits).
    /// </summary>
    public static GeofenceParseResult Parse(string json, Func<string>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement, newId);
        }
        catch (JsonException e)
        {
            return NotJson(e);
        }
    }

    /// <inheritdoc cref="Parse(string, Func{string}?)"/>
    public static GeofenceParseResult Parse(ReadOnlyMemory<byte> utf8Json, Func<string>? newId = null)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            return Parse(document.RootElement, newId);
        }
        catch (JsonException e)
        {
            return NotJson(e);
        }
    }

    /// <inheritdoc cref="Parse(string, Func{string}?)"/>
    public static GeofenceParseResult Parse(JsonElement document, Func<string>? newId = null) =>
        new FenceDocumentValidator(newId ?? (static () => Guid.NewGuid().ToString("N"))).Read(document);

    private static GeofenceParseResult NotJson(JsonException e) =>
        new([], [new GeofenceValidationError("$", $"not valid JSON: {e.Message}")]);
}
