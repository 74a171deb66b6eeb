using LiveTrack.Geo;

namespace LiveTrack.Simulation;

/// <summary>
/// A closed, clockwise multi-lap racetrack made of great-circle legs and constant-radius turns, parameterised
/// by distance flown. Each lap runs from the home (north-west) turn circle to a far turn circle and back; the
/// far circle may differ from lap to lap, which is how the extended laps are built.
/// </summary>
internal sealed class OrbitPath
{
    private readonly Segment[] segments;
    private readonly double[] lapStarts;

    public OrbitPath(GeoPoint homeCentre, IReadOnlyList<GeoPoint> farCentres, double turnRadiusNm)
    {
        ArgumentOutOfRangeException.ThrowIfZero(farCentres.Count);
        var list = new List<Segment>();
        lapStarts = new double[farCentres.Count];
        var length = 0.0;

        for (var lap = 0; lap < farCentres.Count; lap++)
        {
            lapStarts[lap] = length;
            var far = farCentres[lap];
            var next = farCentres[(lap + 1) % farCentres.Count];

            var homeToFar = Geodesy.InitialBearingDegrees(homeCentre, far);
            var farToHome = Geodesy.InitialBearingDegrees(far, homeCentre);

            // Clockwise circulation: the turn centres are on the right, so the legs run R to the left of them.
            var outboundStart = Geodesy.Destination(homeCentre, homeToFar - 90, turnRadiusNm);
            var farEntryBearing = farToHome + 90;
            var farExitBearing = farToHome - 90;
            var outboundEnd = Geodesy.Destination(far, farEntryBearing, turnRadiusNm);
            var inboundStart = Geodesy.Destination(far, farExitBearing, turnRadiusNm);
            var homeEntryBearing = homeToFar + 90;
            var inboundEnd = Geodesy.Destination(homeCentre, homeEntryBearing, turnRadiusNm);
            var homeExitBearing = Geodesy.InitialBearingDegrees(homeCentre, next) - 90;

            list.Add(new Leg(length, outboundStart, outboundEnd));
            length = list[^1].End;
            list.Add(new Arc(length, far, turnRadiusNm, farEntryBearing, ClockwiseSweep(farEntryBearing, farExitBearing)));
            length = list[^1].End;
            list.Add(new Leg(length, inboundStart, inboundEnd));
            length = list[^1].End;
            list.Add(new Arc(length, homeCentre, turnRadiusNm, homeEntryBearing, ClockwiseSweep(homeEntryBearing, homeExitBearing)));
            length = list[^1].End;
        }

        segments = [.. list];
        CycleLengthNm = length;
    }

    /// <summary>Length of one full cycle of all laps in nautical miles.</summary>
    public double CycleLengthNm { get; }

    /// <summary>Number of laps in one cycle.</summary>
    public int LapsPerCycle => lapStarts.Length;

    /// <summary>Length of lap <paramref name="lapInCycle"/> (0-based within the cycle).</summary>
    public double LapLengthNm(int lapInCycle) =>
        (lapInCycle + 1 < lapStarts.Length ? lapStarts[lapInCycle + 1] : CycleLengthNm) - lapStarts[lapInCycle];

    /// <summary>The lap number (0-based, counting across cycles) in progress after flying <paramref name="distanceNm"/>.</summary>
    public long LapNumberAt(double distanceNm)
    {
        var cycles = Math.Floor(distanceNm / CycleLengthNm);
        var within = distanceNm - (cycles * CycleLengthNm);
        var lap = lapStarts.Length - 1;
        while (lap > 0 && within < lapStarts[lap])
        {
            lap--;
        }

        return ((long)cycles * lapStarts.Length) + lap;
    }

    /// <summary>Position and track after flying <paramref name="distanceNm"/> from the start of lap 0.</summary>
    public (GeoPoint Position, double TrackDegrees) StateAt(double distanceNm)
    {
        var within = distanceNm % CycleLengthNm;
        if (within < 0)
        {
            within += CycleLengthNm;
        }

        foreach (var segment in segments)
        {
            if (within < segment.End)
            {
                return segment.At(within - segment.Start);
            }
        }

        return segments[0].At(0);
    }

    private static double ClockwiseSweep(double fromBearing, double toBearing)
    {
        var sweep = (toBearing - fromBearing) % 360;
        return sweep <= 0 ? sweep + 360 : sweep;
    }

    private abstract class Segment(double start, double length)
    {
        public double Start { get; } = start;

        public double End { get; } = start + length;

        protected double Length { get; } = length;

        public abstract (GeoPoint Position, double TrackDegrees) At(double offsetNm);
    }

    private sealed class Leg(double start, GeoPoint from, GeoPoint to)
        : Segment(start, Geodesy.DistanceNauticalMiles(from, to))
    {
        private readonly double finalBearing = (Geodesy.InitialBearingDegrees(to, from) + 180) % 360;

        public override (GeoPoint Position, double TrackDegrees) At(double offsetNm)
        {
            var position = Geodesy.Interpolate(from, to, Math.Clamp(offsetNm / Length, 0, 1));
            var track = Length - offsetNm > 0.01 ? Geodesy.InitialBearingDegrees(position, to) : finalBearing;
            return (position, track);
        }
    }

    /// <summary>A clockwise turn: a small circle of constant great-circle distance from its centre.</summary>
    private sealed class Arc(double start, GeoPoint centre, double radiusNm, double startBearing, double sweepDegrees)
        : Segment(start, ArcLength(radiusNm, sweepDegrees))
    {
        public override (GeoPoint Position, double TrackDegrees) At(double offsetNm)
        {
            var bearing = startBearing + (sweepDegrees * Math.Clamp(offsetNm / Length, 0, 1));
            var position = Geodesy.Destination(centre, bearing, radiusNm);

            // Turning right: the centre is always 90° to the right of the track.
            var track = (Geodesy.InitialBearingDegrees(position, centre) + 270) % 360;
            return (position, track);
        }

        private static double ArcLength(double radiusNm, double sweepDegrees) =>
            sweepDegrees * Math.PI / 180 * Geodesy.EarthRadiusNauticalMiles
            * Math.Sin(radiusNm / Geodesy.EarthRadiusNauticalMiles);
    }
}
