using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LiveTrack.Geo;

/// <summary>
/// A latitude/longitude box in degrees. When <see cref="MinLongitude"/> is greater than
/// <see cref="MaxLongitude"/> the box crosses the antimeridian: (170, -20, -170, 20) covers longitudes
/// 170..180 and -180..-170. Edges are inclusive. Use <see cref="TryCreate"/> or <see cref="TryParse"/> for
/// validated boxes.
/// </summary>
/// <param name="MinLongitude">Western edge, -180..180.</param>
/// <param name="MinLatitude">Southern edge, -90..90.</param>
/// <param name="MaxLongitude">Eastern edge, -180..180.</param>
/// <param name="MaxLatitude">Northern edge, -90..90, not less than <paramref name="MinLatitude"/>.</param>
public readonly record struct BoundingBox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    private const string FormatError = "expected 4 comma-separated numbers minLon,minLat,maxLon,maxLat";

    private static readonly string[] FieldNames = ["minLon", "minLat", "maxLon", "maxLat"];

    /// <summary>The whole globe.</summary>
    public static BoundingBox World { get; } = new(-180, -90, 180, 90);

    /// <summary>True when the box wraps across the ±180° meridian (<c>MinLongitude &gt; MaxLongitude</c>).</summary>
    public bool CrossesAntimeridian => MinLongitude > MaxLongitude;

    /// <summary>
    /// True when the point lies inside the box or on its edges. Longitudes outside -180..180 are wrapped
    /// first, and 180 and -180 are treated as the same meridian. NaN coordinates are never contained.
    /// </summary>
    public bool Contains(double latitude, double longitude)
    {
        if (double.IsNaN(latitude) || !(latitude >= MinLatitude && latitude <= MaxLatitude))
        {
            return false;
        }

        if (longitude is < -180.0 or > 180.0)
        {
            longitude = Geodesy.NormalizeLongitude(longitude);
        }

        if (double.IsNaN(longitude))
        {
            return false;
        }

        if (ContainsLongitude(longitude))
        {
            return true;
        }

        // ±180 is one meridian: a box touching either side of it contains both spellings.
        return longitude switch
        {
            180.0 => ContainsLongitude(-180.0),
            -180.0 => ContainsLongitude(180.0),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="point"/> lies inside the box or on its edges.</summary>
    public bool Contains(GeoPoint point) => Contains(point.Latitude, point.Longitude);

    /// <summary>
    /// Parses the REST query form <c>minLon,minLat,maxLon,maxLat</c> (invariant culture, '.' as decimal
    /// separator, whitespace allowed around each number) and validates it like <see cref="TryCreate"/>.
    /// </summary>
    public static bool TryParse(string? text, out BoundingBox box, [NotNullWhen(false)] out string? error)
    {
        box = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = FormatError;
            return false;
        }

        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            error = FormatError;
            return false;
        }

        Span<double> values = stackalloc double[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                error = FormatError;
                return false;
            }

            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                error = $"{FieldNames[i]} is not a valid number";
                return false;
            }
        }

        return TryCreate(values[0], values[1], values[2], values[3], out box, out error);
    }

    /// <summary>
    /// Creates a validated box: every value finite, latitudes within -90..90 with minLat ≤ maxLat, longitudes
    /// within -180..180. minLon &gt; maxLon is allowed and means the box crosses the antimeridian.
    /// </summary>
    public static bool TryCreate(
        double minLon,
        double minLat,
        double maxLon,
        double maxLat,
        out BoundingBox box,
        [NotNullWhen(false)] out string? error)
    {
        box = default;
        ReadOnlySpan<double> values = [minLon, minLat, maxLon, maxLat];
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                error = $"{FieldNames[i]} must be a finite number";
                return false;
            }
        }

        if (minLat is < -90 or > 90)
        {
            error = "minLat must be between -90 and 90";
            return false;
        }

        if (maxLat is < -90 or > 90)
        {
            error = "maxLat must be between -90 and 90";
            return false;
        }

        if (minLat > maxLat)
        {
            error = "minLat must not be greater than maxLat";
            return false;
        }

        if (minLon is < -180 or > 180)
        {
            error = "minLon must be between -180 and 180";
            return false;
        }

        if (maxLon is < -180 or > 180)
        {
            error = "maxLon must be between -180 and 180";
            return false;
        }

        box = new BoundingBox(minLon, minLat, maxLon, maxLat);
        error = null;
        return true;
    }

    private bool ContainsLongitude(double longitude) => CrossesAntimeridian
        ? longitude >= MinLongitude || longitude <= MaxLongitude
        : longitude >= MinLongitude && longitude <= MaxLongitude;
}
