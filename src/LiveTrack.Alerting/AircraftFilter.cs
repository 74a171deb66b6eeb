using System.Text.RegularExpressions;

namespace LiveTrack.Alerting;

/// <summary>
/// Which aircraft a rule applies to. Every criterion that is set must hold; an unset (null) criterion matches every
/// aircraft. A criterion that needs a value the aircraft does not have (an unknown callsign, altitude, speed,
/// registration, type or military flag) does not match.
/// </summary>
public sealed record AircraftFilter
{
    /// <summary>How long a callsign pattern may run before it counts as not matching.</summary>
    public static readonly TimeSpan CallsignMatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly IReadOnlySet<string>? registrations;
    private readonly IReadOnlySet<string>? typeCodes;
    private readonly IReadOnlySet<PositionSource>? excludeSources;

    /// <summary>No criteria: matches every aircraft, and a missing one.</summary>
    public static AircraftFilter Any { get; } = new();

    /// <summary>The aircraft's address is in one of these ranges (<see cref="AircraftSnapshot.Icao"/>).</summary>
    public IReadOnlyList<IcaoRange>? IcaoRanges { get; init; }

    /// <summary>
    /// The callsign matches this pattern. Build it with <see cref="CreateCallsignRegex"/> (case-insensitive,
    /// <see cref="CallsignMatchTimeout"/>); a match that times out counts as no match.
    /// </summary>
    public Regex? Callsign { get; init; }

    /// <summary>The registration is one of these (case-insensitive).</summary>
    public IReadOnlySet<string>? Registrations
    {
        get => registrations;
        init => registrations = value is null ? null : new HashSet<string>(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The ICAO type designator is one of these (case-insensitive).</summary>
    public IReadOnlySet<string>? TypeCodes
    {
        get => typeCodes;
        init => typeCodes = value is null ? null : new HashSet<string>(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The aircraft's military flag has this value.</summary>
    public bool? Military { get; init; }

    /// <summary>The barometric altitude (the geometric one when there is none) is within this band.</summary>
    public NumberBand? AltitudeFeet { get; init; }

    /// <summary>The ground speed is within this band.</summary>
    public NumberBand? SpeedKnots { get; init; }

    /// <summary>The position source is one of these.</summary>
    public IReadOnlySet<PositionSource>? Sources { get; init; }

    /// <summary>The position source is none of these. An empty set is the same as null.</summary>
    public IReadOnlySet<PositionSource>? ExcludeSources
    {
        get => excludeSources;
        init => excludeSources = value is { Count: > 0 } ? value : null;
    }

    /// <summary>True when no criterion is set, so every aircraft (and a missing one) matches.</summary>
    public bool IsAny =>
        IcaoRanges is null && Callsign is null && Registrations is null && TypeCodes is null && Military is null
        && AltitudeFeet is null && SpeedKnots is null && Sources is null && ExcludeSources is null;

    /// <summary>
    /// The callsign pattern as the rule parser builds it: case-insensitive and <see cref="RegexOptions.NonBacktracking"/>
    /// (time linear in the callsign's length, whatever the pattern: no catastrophic backtracking), with
    /// <see cref="CallsignMatchTimeout"/> as a last bound.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The pattern is not a valid regular expression, or uses a construct that needs backtracking (backreferences,
    /// lookarounds, atomic groups, conditionals).
    /// </exception>
    public static Regex CreateCallsignRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, CallsignMatchTimeout);
        }
        catch (NotSupportedException e)
        {
            throw new ArgumentException($"{e.Message} (backreferences, lookarounds, atomic groups and conditionals are not allowed)", nameof(pattern), e);
        }
    }

    /// <summary>
    /// True when <paramref name="aircraft"/> passes every criterion. A null aircraft passes only a filter without
    /// criteria.
    /// </summary>
    public bool Matches(AircraftSnapshot? aircraft)
    {
        if (aircraft is null)
        {
            return IsAny;
        }

        return MatchesIcao(aircraft.Icao)
            && MatchesCallsign(aircraft.Callsign)
            && MatchesText(Registrations, aircraft.Registration)
            && MatchesText(TypeCodes, aircraft.TypeCode)
            && (Military is not { } military || aircraft.Military == military)
            && MatchesBand(AltitudeFeet, aircraft.BarometricAltitudeFeet ?? aircraft.GeometricAltitudeFeet)
            && MatchesBand(SpeedKnots, aircraft.GroundSpeedKnots)
            && (Sources is null || Sources.Contains(aircraft.PositionSource))
            && (ExcludeSources is null || !ExcludeSources.Contains(aircraft.PositionSource));
    }

    private bool MatchesIcao(string icao)
    {
        if (IcaoRanges is null)
        {
            return true;
        }

        foreach (var range in IcaoRanges)
        {
            if (range.Contains(icao))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesCallsign(string? callsign)
    {
        if (Callsign is null)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(callsign))
        {
            return false;
        }

        try
        {
            return Callsign.IsMatch(callsign.Trim());
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool MatchesText(IReadOnlySet<string>? allowed, string? value) =>
        allowed is null || (!string.IsNullOrWhiteSpace(value) && allowed.Contains(value.Trim()));

    private static bool MatchesBand(NumberBand? band, double? value) =>
        band is null || (value is { } known && band.Contains(known));
}
