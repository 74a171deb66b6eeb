using LiveTrack.Geo;

namespace LiveTrack.Verdicts;

/// <summary>The great circle between two consecutive reports, by fraction of its length.</summary>
internal readonly record struct LegArc(GeoPoint From, GeoPoint To, double LengthNauticalMiles)
{
    public GeoPoint At(double fraction) => Geodesy.Interpolate(From, To, fraction);
}
