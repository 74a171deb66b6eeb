namespace LiveTrack.Verdicts;

/// <summary>
/// For a 3D fence the aircraft never entered: the report, among those over the fence's outline or within their
/// uncertainty of it, that came nearest to the altitude band.
/// </summary>
/// <param name="Limit">The limit it stayed below (floor) or above (ceiling).</param>
/// <param name="ClearanceFeet">How far outside the band it was.</param>
/// <param name="UncertaintyFeet">The altitude uncertainty.</param>
/// <param name="MarginFeet"><paramref name="ClearanceFeet"/> minus <paramref name="UncertaintyFeet"/>.</param>
/// <param name="Report">The report.</param>
public sealed record VerticalApproach(AltitudeLimit Limit, double ClearanceFeet, double UncertaintyFeet, double MarginFeet, VerdictReport Report);
