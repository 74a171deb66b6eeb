namespace LiveTrack.Geo.Tests;

public class GeodesyTests
{
    // Independent reference values on a sphere of R = 3440.065 nm:
    //   1° of arc                 = R·π/180 = 60.04046 nm
    //   quarter of a great circle = R·π/2   = 5403.641 nm
    //   half a great circle       = R·π     = 10807.283 nm
    private const double OneDegreeNm = 60.04046;
    private const double QuarterCircleNm = 5403.641;
    private const double HalfCircleNm = 10807.283;

    private static readonly GeoPoint Jfk = new(40.6413, -73.7781);
    private static readonly GeoPoint Heathrow = new(51.4700, -0.4543);

    [Fact]
    public void One_degree_of_latitude_is_about_60_04_nm()
    {
        var d = Geodesy.DistanceNauticalMiles(new GeoPoint(10, 20), new GeoPoint(11, 20));
        Assert.Equal(OneDegreeNm, d, 3);
    }

    [Fact]
    public void One_degree_of_longitude_on_the_equator_equals_one_degree_of_latitude()
    {
        var d = Geodesy.DistanceNauticalMiles(new GeoPoint(0, 100), new GeoPoint(0, 101));
        Assert.Equal(OneDegreeNm, d, 3);
    }

    [Fact]
    public void One_degree_of_longitude_at_60_degrees_is_about_half_as_long()
    {
        // Along the parallel the arc is 60.04046·cos60° = 30.02023 nm; the great circle is marginally shorter
        // (2·asin(cos60°·sin0.5°)·R = 30.01994 nm).
        var d = Geodesy.DistanceNauticalMiles(new GeoPoint(60, 0), new GeoPoint(60, 1));
        Assert.InRange(d, 30.0195, 30.0200);
    }

    [Fact]
    public void Quarter_of_the_equator()
    {
        var d = Geodesy.DistanceNauticalMiles(new GeoPoint(0, 0), new GeoPoint(0, 90));
        Assert.Equal(QuarterCircleNm, d, 2);
    }

    [Fact]
    public void Equator_to_pole_is_a_quarter_circle()
    {
        var d = Geodesy.DistanceNauticalMiles(new GeoPoint(0, 37), new GeoPoint(90, 0));
        Assert.Equal(QuarterCircleNm, d, 2);
    }

    [Fact]
    public void Antipodal_points_are_half_a_circle_apart()
    {
        Assert.Equal(HalfCircleNm, Geodesy.DistanceNauticalMiles(new GeoPoint(0, 0), new GeoPoint(0, 180)), 2);
        Assert.Equal(HalfCircleNm, Geodesy.DistanceNauticalMiles(new GeoPoint(35, 139), new GeoPoint(-35, -41)), 2);
        Assert.Equal(HalfCircleNm, Geodesy.DistanceNauticalMiles(new GeoPoint(90, 0), new GeoPoint(-90, 0)), 2);
    }

    [Fact]
    public void Nearly_antipodal_distance_is_stable()
    {
        // 0.001° short of antipodal: 0.06004 nm short of half a circle.
        var d = Geodesy.DistanceNauticalMiles(new GeoPoint(0, 0), new GeoPoint(0, 179.999));
        Assert.Equal(HalfCircleNm - 0.06004, d, 3);

        // Closer than the haversine can resolve: still finite and never more than half a circle.
        var e = Geodesy.DistanceNauticalMiles(new GeoPoint(12, 34), new GeoPoint(-12 + 1e-7, -146));
        Assert.True(double.IsFinite(e));
        Assert.InRange(e, HalfCircleNm - 0.001, Math.PI * Geodesy.EarthRadiusNauticalMiles);
    }

    [Fact]
    public void Tiny_distances_keep_their_relative_precision()
    {
        // 1e-9° = 6.004e-8 nm ≈ 0.11 mm.
        var d = Geodesy.DistanceNauticalMiles(new GeoPoint(45, 7), new GeoPoint(45 + 1e-9, 7));
        Assert.Equal(1.0, d / (OneDegreeNm * 1e-9), 4);
    }

    [Fact]
    public void Distance_of_a_point_to_itself_is_zero()
    {
        Assert.Equal(0.0, Geodesy.DistanceNauticalMiles(Jfk, Jfk));
    }

    [Fact]
    public void Distance_across_the_antimeridian_takes_the_short_way()
    {
        // 179°E to 179°W along the equator is 2°, not 358°.
        var d = Geodesy.DistanceNauticalMiles(new GeoPoint(0, 179), new GeoPoint(0, -179));
        Assert.Equal(2 * OneDegreeNm, d, 3);
    }

    [Fact]
    public void Distance_is_symmetric()
    {
        Assert.Equal(Geodesy.DistanceNauticalMiles(Jfk, Heathrow), Geodesy.DistanceNauticalMiles(Heathrow, Jfk), 9);
    }

    [Fact]
    public void Jfk_to_Heathrow_is_about_2990_nm()
    {
        var d = Geodesy.DistanceNauticalMiles(Jfk, Heathrow);
        Assert.InRange(d, 2990 * 0.99, 2990 * 1.01);
    }

    [Fact]
    public void Earth_radius_in_metres_is_the_mean_radius()
    {
        // 3440.065 nm · 1852 m = 6,371,000 m, the IUGG mean radius.
        Assert.InRange(Geodesy.EarthRadiusNauticalMiles * Geodesy.MetresPerNauticalMile, 6_370_900, 6_371_100);
    }

    [Theory]
    [InlineData(0, 0, 1, 0, 0)] // due north
    [InlineData(0, 0, 0, 1, 90)] // due east
    [InlineData(0, 0, -1, 0, 180)] // due south
    [InlineData(0, 0, 0, -1, 270)] // due west
    [InlineData(0, 179, 0, -179, 90)] // east across the antimeridian
    [InlineData(0, -179, 0, 179, 270)] // west across the antimeridian
    [InlineData(-10, 170, -10, -170, 91.75)] // east across the antimeridian, southern hemisphere (hand-computed)
    [InlineData(89.9, 0, 89.9, 180, 0)] // over the north pole
    [InlineData(-89.9, 0, -89.9, 180, 180)] // over the south pole
    [InlineData(10, 20, 90, 0, 0)] // to the north pole
    [InlineData(10, 20, -90, 0, 180)] // to the south pole
    public void Initial_bearing(double lat1, double lon1, double lat2, double lon2, double expected)
    {
        var b = Geodesy.InitialBearingDegrees(new GeoPoint(lat1, lon1), new GeoPoint(lat2, lon2));
        Assert.Equal(expected, b, 2);
    }

    [Fact]
    public void Initial_bearing_from_london_to_new_york_starts_north_of_west()
    {
        // The great circle leaves Heathrow towards the north-west (about 288°), not due west along the parallel.
        var b = Geodesy.InitialBearingDegrees(Heathrow, Jfk);
        Assert.InRange(b, 285, 292);
    }

    [Fact]
    public void Initial_bearing_is_never_360()
    {
        // atan2 returns a tiny negative angle here; adding 360 would round to exactly 360.
        foreach (var lon in new[] { -1e-13, -1e-15, -1e-17, -1e-300 })
        {
            var b = Geodesy.InitialBearingDegrees(new GeoPoint(0, 0), new GeoPoint(1, lon));
            Assert.True(b is >= 0 and < 360, $"bearing {b}");
            Assert.True(b < 1e-6 || b > 359.99, $"bearing {b} should be almost due north");
        }
    }

    [Fact]
    public void Interpolate_endpoints_return_the_endpoints()
    {
        Assert.Equal(Jfk, Geodesy.Interpolate(Jfk, Heathrow, 0));
        Assert.Equal(Heathrow, Geodesy.Interpolate(Jfk, Heathrow, 1));
    }

    [Fact]
    public void Interpolate_between_identical_points_returns_the_point()
    {
        var p = Geodesy.Interpolate(Jfk, Jfk, 0.37);
        Assert.Equal(Jfk.Latitude, p.Latitude, 12);
        Assert.Equal(Jfk.Longitude, p.Longitude, 12);
    }

    [Fact]
    public void Midpoint_of_a_quarter_of_the_equator()
    {
        var p = Geodesy.Interpolate(new GeoPoint(0, 0), new GeoPoint(0, 90), 0.5);
        Assert.Equal(0, p.Latitude, 9);
        Assert.Equal(45, p.Longitude, 9);
    }

    [Fact]
    public void Midpoint_along_a_meridian()
    {
        var p = Geodesy.Interpolate(new GeoPoint(10, 30), new GeoPoint(50, 30), 0.25);
        Assert.Equal(20, p.Latitude, 9);
        Assert.Equal(30, p.Longitude, 9);
    }

    [Fact]
    public void High_latitude_route_midpoint_is_poleward_of_the_lat_lon_average()
    {
        var mid = Geodesy.Interpolate(Jfk, Heathrow, 0.5);
        var averageLatitude = (Jfk.Latitude + Heathrow.Latitude) / 2; // 46.06°

        Assert.True(mid.Latitude > averageLatitude + 4, $"midpoint latitude {mid.Latitude}");
        var half = Geodesy.DistanceNauticalMiles(Jfk, Heathrow) / 2;
        Assert.Equal(half, Geodesy.DistanceNauticalMiles(Jfk, mid), 6);
        Assert.Equal(half, Geodesy.DistanceNauticalMiles(mid, Heathrow), 6);
    }

    [Fact]
    public void Interpolation_moves_uniformly_along_the_great_circle()
    {
        var total = Geodesy.DistanceNauticalMiles(Jfk, Heathrow);
        foreach (var f in new[] { 0.1, 0.3, 0.7, 0.95 })
        {
            var p = Geodesy.Interpolate(Jfk, Heathrow, f);
            Assert.Equal(f * total, Geodesy.DistanceNauticalMiles(Jfk, p), 6);
            Assert.Equal((1 - f) * total, Geodesy.DistanceNauticalMiles(p, Heathrow), 6);
        }
    }

    [Fact]
    public void Interpolation_across_the_antimeridian_stays_on_the_short_side()
    {
        var p = Geodesy.Interpolate(new GeoPoint(0, 170), new GeoPoint(0, -170), 0.5);
        Assert.Equal(0, p.Latitude, 9);
        Assert.True(p.Longitude is >= -180 and < 180);
        Assert.True(Geodesy.DistanceNauticalMiles(p, new GeoPoint(0, 180)) < 1e-6, $"midpoint {p}");

        var q = Geodesy.Interpolate(new GeoPoint(0, 170), new GeoPoint(0, -170), 0.75);
        Assert.Equal(-175, q.Longitude, 9);
    }

    [Fact]
    public void Interpolation_between_opposite_meridians_passes_over_the_pole()
    {
        var p = Geodesy.Interpolate(new GeoPoint(80, 0), new GeoPoint(80, 180), 0.5);
        Assert.Equal(90, p.Latitude, 6);
    }

    [Fact]
    public void Interpolation_between_antipodes_stays_on_the_sphere_at_the_right_distance()
    {
        var a = new GeoPoint(0, 0);
        var b = new GeoPoint(0, 180);
        var p = Geodesy.Interpolate(a, b, 0.5);
        Assert.Equal(QuarterCircleNm, Geodesy.DistanceNauticalMiles(a, p), 2);
        Assert.Equal(QuarterCircleNm, Geodesy.DistanceNauticalMiles(p, b), 2);
    }

    [Fact]
    public void Destination_one_degree_north()
    {
        var p = Geodesy.Destination(new GeoPoint(10, 20), 0, OneDegreeNm);
        Assert.Equal(11, p.Latitude, 6);
        Assert.Equal(20, p.Longitude, 6);
    }

    [Fact]
    public void Destination_across_the_antimeridian_is_normalised()
    {
        var p = Geodesy.Destination(new GeoPoint(0, 179), 90, 2 * OneDegreeNm);
        Assert.Equal(0, p.Latitude, 6);
        Assert.Equal(-179, p.Longitude, 6);

        var q = Geodesy.Destination(new GeoPoint(0, -179), 270, 2 * OneDegreeNm);
        Assert.Equal(179, q.Longitude, 6);
    }

    [Fact]
    public void Destination_from_the_north_pole_goes_south()
    {
        var p = Geodesy.Destination(new GeoPoint(90, 0), 180, OneDegreeNm);
        Assert.Equal(89, p.Latitude, 6);
    }

    [Fact]
    public void Destination_over_the_pole_comes_down_the_other_side()
    {
        // From 89°N on the prime meridian, 2° due north crosses the pole to 89°N on the 180th meridian.
        var p = Geodesy.Destination(new GeoPoint(89, 0), 0, 2 * OneDegreeNm);
        Assert.Equal(89, p.Latitude, 6);
        Assert.Equal(180, Math.Abs(p.Longitude), 6);
        Assert.True(p.Longitude is >= -180 and < 180);
    }

    [Theory]
    [InlineData(40.6413, -73.7781, 51.3, 2990)]
    [InlineData(-33.94, 151.18, 60, 6500)]
    [InlineData(0, 179.5, 90, 300)]
    [InlineData(26.3, -110.4, 135, 20)]
    [InlineData(-60, -10, 225, 0.001)]
    [InlineData(70, 20, 10, 1200)]
    public void Destination_and_distance_round_trip(double lat, double lon, double bearing, double distance)
    {
        var start = new GeoPoint(lat, lon);
        var end = Geodesy.Destination(start, bearing, distance);

        Assert.Equal(distance, Geodesy.DistanceNauticalMiles(start, end), 6);
        Assert.Equal(bearing, Geodesy.InitialBearingDegrees(start, end), 6);
        Assert.True(end.Longitude is >= -180 and < 180);
    }

    [Fact]
    public void Interpolate_agrees_with_destination_along_the_initial_bearing()
    {
        var total = Geodesy.DistanceNauticalMiles(Jfk, Heathrow);
        var bearing = Geodesy.InitialBearingDegrees(Jfk, Heathrow);
        var viaDestination = Geodesy.Destination(Jfk, bearing, total * 0.4);
        var viaInterpolation = Geodesy.Interpolate(Jfk, Heathrow, 0.4);
        Assert.True(Geodesy.DistanceNauticalMiles(viaDestination, viaInterpolation) < 1e-6);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(179.5, 179.5)]
    [InlineData(-180, -180)]
    [InlineData(180, -180)]
    [InlineData(190, -170)]
    [InlineData(-190, 170)]
    [InlineData(359.5, -0.5)]
    [InlineData(540, -180)]
    [InlineData(-540, -180)]
    [InlineData(720.25, 0.25)]
    [InlineData(-1000, 80)]
    public void Normalize_longitude(double input, double expected)
    {
        Assert.Equal(expected, Geodesy.NormalizeLongitude(input), 9);
    }

    [Fact]
    public void Normalize_longitude_leaves_in_range_values_bit_for_bit()
    {
        Assert.Equal(0.1, Geodesy.NormalizeLongitude(0.1));
        Assert.Equal(-179.99999999999997, Geodesy.NormalizeLongitude(-179.99999999999997));
    }

    [Fact]
    public void Normalize_longitude_never_returns_180()
    {
        foreach (var x in new[] { 180.0, 180 - 1e-14, 540 - 1e-13, -180 - 1e-14, 1e15 + 0.5, -1e-300 })
        {
            var r = Geodesy.NormalizeLongitude(x);
            Assert.True(r is >= -180 and < 180, $"{x} normalised to {r}");
        }
    }

    [Fact]
    public void Normalize_longitude_of_non_finite_is_nan()
    {
        Assert.True(double.IsNaN(Geodesy.NormalizeLongitude(double.NaN)));
        Assert.True(double.IsNaN(Geodesy.NormalizeLongitude(double.PositiveInfinity)));
    }
}
