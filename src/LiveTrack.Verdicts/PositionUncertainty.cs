using LiveTrack.Geo;

namespace LiveTrack.Verdicts;

/// <summary>
/// The horizontal uncertainty of one report, in nautical miles: from the accuracy fields the feed gave, else a
/// documented default for its position source.
/// </summary>
/// <remarks>
/// <para>When the report has a NACp of 1–11 its Estimated Position Uncertainty (the 95 % accuracy bound of DO-260B
/// §2.2.3.2.7.2.6, <see cref="EpuMetres"/>) is one candidate; its containment radius (readsb <c>rc</c> in metres,
/// or, without it, the Rc bound of its NIC 1–11 from DO-260B's airborne table, <see cref="RcMetresForNic"/>,
/// taking the largest value where the supplement bits would choose) is another. The larger of the candidates
/// given is the uncertainty — the conservative choice for evidence. NACp 0 and NIC 0 mean "unknown" and give no
/// candidate. Without any candidate the default for the source applies (<see cref="VerdictOptions.DefaultUncertaintyNauticalMiles"/>).</para>
/// </remarks>
public static class PositionUncertainty
{
    private static readonly double[] EpuByNacP =
    [
        double.NaN, 18_520, 7_408, 3_704, 1_852, 926, 555.6, 185.2, 92.6, 30, 10, 3,
    ];

    private static readonly double[] RcByNic =
    [
        double.NaN, 37_040, 14_816, 7_408, 3_704, 1_852, 1_111.2, 370.4, 185.2, 75, 25, 7.5,
    ];

    /// <summary>
    /// DO-260B NACp → EPU upper bound in metres: 11 → 3 m, 10 → 10 m, 9 → 30 m, 8 → 0.05 nm, 7 → 0.1 nm,
    /// 6 → 0.3 nm, 5 → 0.5 nm, 4 → 1 nm, 3 → 2 nm, 2 → 4 nm, 1 → 10 nm; null for 0 (unknown) or out of range.
    /// </summary>
    public static double? EpuMetres(int nacP) => nacP is >= 1 and <= 11 ? EpuByNacP[nacP] : null;

    /// <summary>
    /// DO-260B airborne NIC → containment radius upper bound in metres: 11 → 7.5 m, 10 → 25 m, 9 → 75 m,
    /// 8 → 0.1 nm, 7 → 0.2 nm, 6 → 0.6 nm, 5 → 1 nm, 4 → 2 nm, 3 → 4 nm, 2 → 8 nm, 1 → 20 nm; null for 0 or out
    /// of range.
    /// </summary>
    public static double? RcMetresForNic(int nic) => nic is >= 1 and <= 11 ? RcByNic[nic] : null;

    /// <summary>The report's horizontal uncertainty in nautical miles, and where it came from.</summary>
    public static (double NauticalMiles, UncertaintyBasis Basis) Of(VerdictPosition position, VerdictOptions options)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(options);
        var epu = position.NacP is { } nacP ? EpuMetres(nacP) : null;
        var rc = position.RcMetres is { } r && double.IsFinite(r) && r > 0
            ? r
            : position.Nic is { } nic ? RcMetresForNic(nic) : null;

        if (epu is null && rc is null)
        {
            return (options.DefaultUncertaintyFor(position.Source), UncertaintyBasis.SourceDefault);
        }

        var metres = Math.Max(epu ?? 0, rc ?? 0);
        var basis = epu is not null && (rc is null || epu >= rc) ? UncertaintyBasis.NacP : UncertaintyBasis.Containment;
        return (metres / Geodesy.MetresPerNauticalMile, basis);
    }
}
