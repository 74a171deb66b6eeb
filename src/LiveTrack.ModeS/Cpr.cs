namespace LiveTrack.ModeS;

/// <summary>
/// Compact Position Reporting (ICAO Doc 9871, RTCA DO-260B A.1.7): 17-bit encoding of latitude and longitude in
/// even (60 zones) and odd (59 zones) formats, decoded globally from an even/odd pair or locally from a reference
/// position. Surface positions use a quarter of the airborne zone size, so their global decoding needs a reference
/// to choose among four solutions.
/// </summary>
public static class Cpr
{
    /// <summary>Number of latitude zones between the equator and a pole.</summary>
    public const int Nz = 15;

    private const double Scale = 131072.0; // 2^17
    private static readonly double[] Transitions = BuildTransitions();

    /// <summary>
    /// The number of longitude zones at a latitude (NL): 59 at the equator down to 1 beyond ±87°. Looked up from the
    /// 58 transition latitudes computed once from the defining formula.
    /// </summary>
    public static int NL(double latitude)
    {
        var lat = Math.Abs(latitude);

        // Transitions[k] is the last latitude with NL = 59 - k; count those below lat.
        int lo = 0, hi = Transitions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (Transitions[mid] < lat)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return 59 - lo;
    }

    /// <summary>Encodes a position as the 17-bit CPR latitude and longitude of the even (<paramref name="odd"/> false) or odd format.</summary>
    public static (int Lat, int Lon) Encode(double latitude, double longitude, bool odd, bool surface = false)
    {
        var span = surface ? 90.0 : 360.0;
        var i = odd ? 1 : 0;
        var dLat = span / ((4 * Nz) - i);
        var yz = Math.Floor((Scale * Mod(latitude, dLat) / dLat) + 0.5);
        var rlat = dLat * ((yz / Scale) + Math.Floor(latitude / dLat));
        var dLon = span / Math.Max(NL(rlat) - i, 1);
        var xz = Math.Floor((Scale * Mod(longitude, dLon) / dLon) + 0.5);
        return ((int)yz & 0x1FFFF, (int)xz & 0x1FFFF);
    }

    /// <summary>
    /// Global airborne decoding of an even/odd pair. Returns false when the two latitudes fall in different
    /// longitude-zone counts (the pair straddles an NL boundary, or one message is bad).
    /// </summary>
    /// <param name="oddIsNewer">True when the odd message is the more recent one (its position is returned).</param>
    public static bool TryDecodeGlobal(int evenLat, int evenLon, int oddLat, int oddLon, bool oddIsNewer, out double latitude, out double longitude)
    {
        latitude = longitude = double.NaN;
        if (!TryGlobalLatitudes(evenLat, oddLat, 360, out var latEven, out var latOdd))
        {
            return false;
        }

        if (latEven >= 270)
        {
            latEven -= 360;
        }

        if (latOdd >= 270)
        {
            latOdd -= 360;
        }

        if (latEven is < -90 or > 90 || latOdd is < -90 or > 90 || NL(latEven) != NL(latOdd))
        {
            return false;
        }

        latitude = oddIsNewer ? latOdd : latEven;
        longitude = GlobalLongitude(evenLon, oddLon, oddIsNewer, latitude, 360);
        if (longitude >= 180)
        {
            longitude -= 360;
        }

        return true;
    }

    /// <summary>
    /// Global surface decoding of an even/odd pair: of the four solutions (latitude in the northern or southern
    /// hemisphere, longitude in one of four 90° quadrants) the one nearest the reference (the receiver, or the
    /// aircraft's last position) is returned.
    /// </summary>
    public static bool TryDecodeSurface(int evenLat, int evenLon, int oddLat, int oddLon, bool oddIsNewer, double referenceLatitude, double referenceLongitude, out double latitude, out double longitude)
    {
        latitude = longitude = double.NaN;
        if (!TryGlobalLatitudes(evenLat, oddLat, 90, out var latEven, out var latOdd))
        {
            return false;
        }

        // The northern solution is in [0, 90); the southern one is 90° less.
        var lat = oddIsNewer ? latOdd : latEven;
        var other = oddIsNewer ? latEven : latOdd;
        if (Math.Abs(lat - 90 - referenceLatitude) < Math.Abs(lat - referenceLatitude))
        {
            lat -= 90;
            other -= 90;
        }

        if (NL(lat) != NL(other))
        {
            return false;
        }

        var lon = GlobalLongitude(evenLon, oddLon, oddIsNewer, lat, 90);
        var best = lon;
        var bestDistance = double.MaxValue;
        for (var k = 0; k < 4; k++)
        {
            var candidate = NormalizeLongitude(lon + (k * 90));
            var distance = Math.Abs(NormalizeLongitude(candidate - referenceLongitude));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        latitude = lat;
        longitude = best;
        return true;
    }

    /// <summary>
    /// Local decoding of one message against a reference position, unambiguous when the true position lies within
    /// half a zone of the reference (about 180 NM airborne, 45 NM on the surface).
    /// </summary>
    public static (double Latitude, double Longitude) DecodeLocal(int cprLat, int cprLon, bool odd, bool surface, double referenceLatitude, double referenceLongitude)
    {
        var span = surface ? 90.0 : 360.0;
        var i = odd ? 1 : 0;
        var dLat = span / ((4 * Nz) - i);
        var yz = cprLat / Scale;
        var j = Math.Floor(referenceLatitude / dLat) + Math.Floor((Mod(referenceLatitude, dLat) / dLat) - yz + 0.5);
        var latitude = dLat * (j + yz);
        var dLon = span / Math.Max(NL(latitude) - i, 1);
        var xz = cprLon / Scale;
        var m = Math.Floor(referenceLongitude / dLon) + Math.Floor((Mod(referenceLongitude, dLon) / dLon) - xz + 0.5);
        var longitude = NormalizeLongitude(dLon * (m + xz));
        return (latitude, longitude);
    }

    private static bool TryGlobalLatitudes(int evenLat, int oddLat, double span, out double latEven, out double latOdd)
    {
        var yzEven = evenLat / Scale;
        var yzOdd = oddLat / Scale;
        var dLatEven = span / 60;
        var dLatOdd = span / 59;
        var j = Math.Floor((59 * yzEven) - (60 * yzOdd) + 0.5);
        latEven = dLatEven * (Mod(j, 60) + yzEven);
        latOdd = dLatOdd * (Mod(j, 59) + yzOdd);
        return !double.IsNaN(latEven) && !double.IsNaN(latOdd);
    }

    private static double GlobalLongitude(int evenLon, int oddLon, bool oddIsNewer, double latitude, double span)
    {
        var nl = NL(latitude);
        var ni = Math.Max(nl - (oddIsNewer ? 1 : 0), 1);
        var dLon = span / ni;
        var xzEven = evenLon / Scale;
        var xzOdd = oddLon / Scale;
        var m = Math.Floor((xzEven * (nl - 1)) - (xzOdd * nl) + 0.5);
        return dLon * (Mod(m, ni) + (oddIsNewer ? xzOdd : xzEven));
    }

    private static double Mod(double a, double b) => a - (b * Math.Floor(a / b));

    private static double NormalizeLongitude(double longitude)
    {
        var lon = Mod(longitude + 180, 360) - 180;
        return lon;
    }

    private static double[] BuildTransitions()
    {
        // NL(lat) = floor(2π / acos(1 - (1 - cos(π / 2Nz)) / cos²(lat))); it equals n exactly where
        // cos²(lat) = (1 - cos(π / 2Nz)) / (1 - cos(2π / n)). Transitions for n = 59 down to 2, ascending.
        var transitions = new double[58];
        var a = 1 - Math.Cos(Math.PI / (2 * Nz));
        for (var n = 59; n >= 2; n--)
        {
            var cos = Math.Sqrt(a / (1 - Math.Cos(2 * Math.PI / n)));
            transitions[59 - n] = Math.Acos(cos) * 180 / Math.PI;
        }

        return transitions;
    }
}
