using LiveTrack.Geo;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class GeofenceCrossingsTests
{
    private const double Deg = Math.PI / 180;
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Flying_due_north_across_the_southern_edge_enters_where_and_when_computed_by_hand()
    {
        // Square 10°N–11°N, 20°E–21°E. From 9.8°N to 10.3°N along the meridian 20.5°E in 100 s: a meridian is a
        // great circle on which distance is proportional to latitude, so the edge at 10°N is 0.2 / 0.5 = 40 % of the
        // way, reached at T0 + 40 s.
        var fence = ParseOne(Feature(Polygon(Box(20, 10, 21, 11))));

        var crossing = Assert.Single(GeofenceCrossings.Find(
            fence,
            new TrackPosition(9.8, 20.5, 30000, T0),
            new TrackPosition(10.3, 20.5, 30000, T0.AddSeconds(100))));

        Assert.Equal(GeofenceCrossingKind.Entered, crossing.Kind);
        Assert.Equal(GeofenceBoundary.Lateral, crossing.Boundary);
        Assert.Equal(10.0, crossing.Point.Latitude, 5);
        Assert.Equal(20.5, crossing.Point.Longitude, 9);
        Assert.Equal(0.4, crossing.Fraction, 5);
        Assert.Equal(T0.AddSeconds(40), crossing.Time, TimeSpan.FromMilliseconds(10));
        Assert.Equal(30000, crossing.AltitudeFeet);
    }

    [Fact]
    public void Arriving_exactly_on_the_edge_enters_at_the_second_report_because_the_boundary_is_inside()
    {
        var fence = ParseOne(Feature(Polygon(Box(20, 10, 21, 11))));

        var crossing = Assert.Single(GeofenceCrossings.Find(
            fence,
            new TrackPosition(9.5, 20.5, null, T0),
            new TrackPosition(10, 20.5, null, T0.AddSeconds(50))));

        Assert.Equal(GeofenceCrossingKind.Entered, crossing.Kind);
        Assert.Equal(1.0, crossing.Fraction, 6);
        Assert.Equal(T0.AddSeconds(50), crossing.Time, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Flying_out_of_a_fence_gives_one_exit()
    {
        var fence = ParseOne(Feature(Polygon(Box(20, 10, 21, 11))));

        var crossing = Assert.Single(GeofenceCrossings.Find(
            fence,
            new TrackPosition(10.5, 20.8, null, T0),
            new TrackPosition(10.5, 21.3, null, T0.AddMinutes(1))));

        Assert.Equal(GeofenceCrossingKind.Exited, crossing.Kind);
        Assert.Equal(21.0, crossing.Point.Longitude, 5);
    }

    [Fact]
    public void Staying_inside_or_staying_away_gives_no_crossing()
    {
        var fence = ParseOne(Feature(Polygon(Box(20, 10, 21, 11))));

        Assert.Empty(GeofenceCrossings.Find(fence, new TrackPosition(10.2, 20.2, null, T0), new TrackPosition(10.8, 20.9, null, T0.AddMinutes(5))));
        Assert.Empty(GeofenceCrossings.Find(fence, new TrackPosition(12, 20, null, T0), new TrackPosition(13, 22, null, T0.AddMinutes(5))));
        Assert.Empty(GeofenceCrossings.Find(fence, new TrackPosition(10.5, 20.5, null, T0), new TrackPosition(10.5, 20.5, null, T0.AddMinutes(5))));
    }

    [Fact]
    public void Passing_through_a_small_fence_with_neither_report_inside_gives_entered_then_exited()
    {
        // A 0.02° (1.2 nm) square; the track runs north along 40.01°E from 29.9°N to 30.1°N (12 nm) in 120 s.
        var fence = ParseOne(Feature(Polygon(Box(40, 30, 40.02, 30.02))));
        var from = new TrackPosition(29.9, 40.01, 12000, T0);
        var to = new TrackPosition(30.1, 40.01, 12000, T0.AddSeconds(120));

        var crossings = GeofenceCrossings.Find(fence, from, to);

        Assert.False(fence.Contains(from.Point, from.AltitudeFeet));
        Assert.False(fence.Contains(to.Point, to.AltitudeFeet));
        Assert.Equal([GeofenceCrossingKind.Entered, GeofenceCrossingKind.Exited], crossings.Select(c => c.Kind));
        Assert.Equal(30.0, crossings[0].Point.Latitude, 5);
        Assert.Equal(30.02, crossings[1].Point.Latitude, 5);
        Assert.Equal(T0.AddSeconds(60), crossings[0].Time, TimeSpan.FromMilliseconds(20));
        Assert.Equal(T0.AddSeconds(72), crossings[1].Time, TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public void A_long_segment_still_finds_a_fence_far_smaller_than_its_pieces()
    {
        // 90 nm along the equator (a great circle: distance ∝ longitude) through a 0.2 nm square at 10.5°E:
        // the 64 pieces are 1.4 nm long, seven times the fence.
        var fence = ParseOne(Feature(Polygon(Box(10.5, -0.0017, 10.5033, 0.0017))));

        var crossings = GeofenceCrossings.Find(fence, new TrackPosition(0, 10, null, T0), new TrackPosition(0, 11.5, null, T0.AddSeconds(600)));

        Assert.Equal([GeofenceCrossingKind.Entered, GeofenceCrossingKind.Exited], crossings.Select(c => c.Kind));
        Assert.Equal(0.5 / 1.5, crossings[0].Fraction, 6);
        Assert.Equal(0.5033 / 1.5, crossings[1].Fraction, 6);
        Assert.Equal(10.5033, crossings[1].Point.Longitude, 6);
    }

    [Fact]
    public void Clipping_the_corner_of_a_fence_gives_entered_then_exited_on_the_two_edges()
    {
        // The track runs north-east and cuts the south-east corner of the square 0..1°: in across the south edge,
        // out across the east edge.
        var fence = ParseOne(Feature(Polygon(Box(0, 0, 1, 1))));

        var crossings = GeofenceCrossings.Find(fence, new TrackPosition(-0.5, 0.3, null, T0), new TrackPosition(0.5, 1.3, null, T0.AddMinutes(10)));

        Assert.Equal([GeofenceCrossingKind.Entered, GeofenceCrossingKind.Exited], crossings.Select(c => c.Kind));
        Assert.Equal(0.0, crossings[0].Point.Latitude, 5);
        Assert.Equal(1.0, crossings[1].Point.Longitude, 5);
    }

    [Fact]
    public void Flying_across_a_hole_exits_and_re_enters()
    {
        var fence = ParseOne(Feature(Polygon(Box(0, 0, 4, 4), Box(1, 1, 3, 3))));

        var crossings = GeofenceCrossings.Find(fence, new TrackPosition(2, 0.5, null, T0), new TrackPosition(2, 3.5, null, T0.AddMinutes(30)));

        Assert.Equal([GeofenceCrossingKind.Exited, GeofenceCrossingKind.Entered], crossings.Select(c => c.Kind));
        Assert.Equal(1.0, crossings[0].Point.Longitude, 5);
        Assert.Equal(3.0, crossings[1].Point.Longitude, 5);
    }

    [Fact]
    public void Climbing_through_the_ceiling_exits_at_the_interpolated_time_and_altitude()
    {
        // Laterally inside throughout; 4,000 ft → 6,000 ft in 60 s through a 5,000 ft ceiling: half way, T0 + 30 s.
        var fence = ParseOne(Polygon(Box(0, 0, 1, 1)), "{\"ceilingFt\":5000}");

        var crossing = Assert.Single(GeofenceCrossings.Find(
            fence,
            new TrackPosition(0.5, 0.2, 4000, T0),
            new TrackPosition(0.5, 0.8, 6000, T0.AddSeconds(60))));

        Assert.Equal(GeofenceCrossingKind.Exited, crossing.Kind);
        Assert.Equal(GeofenceBoundary.Ceiling, crossing.Boundary);
        Assert.Equal(T0.AddSeconds(30), crossing.Time);
        Assert.Equal(5000, crossing.AltitudeFeet);
        Assert.Equal(0.5, crossing.Point.Longitude, 9); // the midpoint of a great circle symmetric about 0.5°E
    }

    [Fact]
    public void Descending_through_a_ceiling_enters_and_through_the_floor_exits()
    {
        var fence = ParseOne(Polygon(Box(0, 0, 1, 1)), "{\"floorFt\":1000,\"ceilingFt\":5000}");

        var crossings = GeofenceCrossings.Find(
            fence,
            new TrackPosition(0.5, 0.1, 8000, T0),
            new TrackPosition(0.5, 0.9, 0, T0.AddSeconds(80)));

        Assert.Equal(
            [(GeofenceCrossingKind.Entered, GeofenceBoundary.Ceiling), (GeofenceCrossingKind.Exited, GeofenceBoundary.Floor)],
            crossings.Select(c => (c.Kind, c.Boundary)));
        Assert.Equal(T0.AddSeconds(30), crossings[0].Time); // 8,000 → 5,000 ft is 3/8 of the descent
        Assert.Equal(T0.AddSeconds(70), crossings[1].Time); // 8,000 → 1,000 ft is 7/8
    }

    [Fact]
    public void Entering_laterally_below_the_floor_waits_until_the_climb_reaches_it()
    {
        // From 0.5°W to 1.5°E at 0.5°N, climbing 3,000 → 7,000 ft; floor 5,000 ft. The edge at 0° is crossed at
        // 4,000 ft (no entry); the floor is reached half way (0.5°E); the east edge at 1°E exits.
        var fence = ParseOne(Polygon(Box(0, 0, 1, 1)), "{\"floorFt\":5000}");

        var crossings = GeofenceCrossings.Find(
            fence,
            new TrackPosition(0.5, -0.5, 3000, T0),
            new TrackPosition(0.5, 1.5, 7000, T0.AddSeconds(100)));

        Assert.Equal(
            [(GeofenceCrossingKind.Entered, GeofenceBoundary.Floor), (GeofenceCrossingKind.Exited, GeofenceBoundary.Lateral)],
            crossings.Select(c => (c.Kind, c.Boundary)));
        Assert.Equal(0.5, crossings[0].Point.Longitude, 9);
        Assert.Equal(1.0, crossings[1].Point.Longitude, 5);
        Assert.Equal(6000, crossings[1].AltitudeFeet!.Value, 1);
    }

    [Fact]
    public void A_3D_fence_is_left_when_the_next_report_has_no_altitude()
    {
        var fence = ParseOne(Polygon(Box(0, 0, 1, 1)), "{\"floorFt\":0,\"ceilingFt\":10000}");

        var lost = Assert.Single(GeofenceCrossings.Find(fence, new TrackPosition(0.5, 0.2, 3000, T0), new TrackPosition(0.5, 0.4, null, T0.AddSeconds(10))));
        var regained = Assert.Single(GeofenceCrossings.Find(fence, new TrackPosition(0.5, 0.4, null, T0), new TrackPosition(0.5, 0.6, 3000, T0.AddSeconds(10))));

        Assert.Equal((GeofenceCrossingKind.Exited, GeofenceBoundary.AltitudeUnknown, 1.0), (lost.Kind, lost.Boundary, lost.Fraction));
        Assert.Equal((GeofenceCrossingKind.Entered, GeofenceBoundary.AltitudeUnknown, 1.0), (regained.Kind, regained.Boundary, regained.Fraction));
        Assert.Equal(T0.AddSeconds(10), lost.Time);
    }

    [Fact]
    public void A_long_high_latitude_segment_crosses_where_the_great_circle_does_not_where_a_lat_lon_line_would()
    {
        // From 60°N 40°W to 60°N 0° in 3 h; fence 50°N–70°N between the meridians 30°W and 25°W (meridians are great
        // circles, so the edges are the same on the sphere and the lon/lat plane). Independently, by hand:
        //   latitude on the great circle at longitude λ:  tan φ = (tan φ1·sin(λ2 − λ) + tan φ2·sin(λ − λ1)) / sin(λ2 − λ1)
        //   fraction of the way: central angle from the start (spherical law of cosines) / the whole central angle.
        // A straight lon/lat line would cross at 60°N, some 65 nm further south.
        var fence = ParseOne(Feature(Polygon(Box(-30, 50, -25, 70))));
        var from = new TrackPosition(60, -40, 35000, T0);
        var to = new TrackPosition(60, 0, 35000, T0.AddHours(3));

        var crossings = GeofenceCrossings.Find(fence, from, to);

        Assert.Equal([GeofenceCrossingKind.Entered, GeofenceCrossingKind.Exited], crossings.Select(c => c.Kind));
        var whole = CentralAngle(60, -40, 60, 0);
        foreach (var (crossing, lon) in new[] { (crossings[0], -30.0), (crossings[1], -25.0) })
        {
            var lat = Math.Atan(((Math.Tan(60 * Deg) * Math.Sin((0 - lon) * Deg)) + (Math.Tan(60 * Deg) * Math.Sin((lon + 40) * Deg))) / Math.Sin(40 * Deg)) / Deg;
            var fraction = CentralAngle(60, -40, lat, lon) / whole;

            Assert.True(lat - 60 > 1.0, $"the great circle is at {lat:F3}°N here");
            Assert.True(
                Geodesy.DistanceNauticalMiles(crossing.Point, new GeoPoint(lat, lon)) < 0.005,
                $"{crossing.Point} vs ({lat}, {lon})");
            Assert.Equal(fraction, crossing.Fraction, 5);
            Assert.Equal(T0 + (TimeSpan.FromHours(3) * fraction), crossing.Time, TimeSpan.FromSeconds(0.1));
        }

        Assert.Equal(61.1496, crossings[0].Point.Latitude, 4); // atan(tan 60°·(sin 30° + sin 10°) / sin 40°) = atan(1.81521)
    }

    [Fact]
    public void Crossing_the_antimeridian_inside_a_fence_split_there_is_not_a_crossing()
    {
        var split = ParseOne(Feature(MultiPolygon([Box(178, -20, 180, -15)], [Box(-180, -20, -178, -15)])));

        Assert.Empty(GeofenceCrossings.Find(split, new TrackPosition(-17, 179, null, T0), new TrackPosition(-17.5, -179, null, T0.AddMinutes(15))));
        Assert.Empty(GeofenceCrossings.Find(split, new TrackPosition(-17, -179.5, null, T0), new TrackPosition(-16, 178.5, null, T0.AddMinutes(15))));
    }

    [Fact]
    public void Entering_and_leaving_across_the_antimeridian_are_found_on_the_right_meridians()
    {
        var fence = ParseOne(Feature(Polygon(Box(178, -20, 182, -15))));

        var entering = Assert.Single(GeofenceCrossings.Find(fence, new TrackPosition(-17, 176, null, T0), new TrackPosition(-17, -179, null, T0.AddMinutes(30))));
        var leaving = Assert.Single(GeofenceCrossings.Find(fence, new TrackPosition(-17, 179, null, T0), new TrackPosition(-17, -176, null, T0.AddMinutes(30))));

        Assert.Equal(GeofenceCrossingKind.Entered, entering.Kind);
        Assert.Equal(178, entering.Point.Longitude, 5);
        Assert.Equal(GeofenceCrossingKind.Exited, leaving.Kind);
        Assert.Equal(-178, leaving.Point.Longitude, 5);
    }

    [Fact]
    public void A_track_over_the_pole_enters_and_leaves_a_polar_cap_a_quarter_and_three_quarters_of_the_way()
    {
        // 88°N on 0° to 88°N on 180°: the great circle runs over the pole, 2° up and 2° down; the cap starts at 89°N.
        var cap = ParseOne(Feature(Polygon([(-180, 89), (0, 89), (180, 89), (180, 90), (-180, 90), (-180, 89)])));

        var crossings = GeofenceCrossings.Find(cap, new TrackPosition(88, 0, null, T0), new TrackPosition(88, 180, null, T0.AddMinutes(4)));

        Assert.Equal([GeofenceCrossingKind.Entered, GeofenceCrossingKind.Exited], crossings.Select(c => c.Kind));
        Assert.Equal(0.25, crossings[0].Fraction, 5);
        Assert.Equal(0.75, crossings[1].Fraction, 5);
        Assert.Equal(89, crossings[1].Point.Latitude, 4);
        Assert.Equal(180, Math.Abs(crossings[1].Point.Longitude), 4);
    }

    [Fact]
    public void Crossings_on_random_segments_lead_from_the_answer_at_one_report_to_the_answer_at_the_next()
    {
        var fences = RandomFences.Create(150, seed: 5);
        var random = new Random(11);
        var checkedCrossings = 0;
        foreach (var fence in fences)
        {
            var envelope = fence.Geometry.EnvelopeInternal;
            for (var k = 0; k < 20; k++)
            {
                var start = new GeoPoint(
                    Math.Clamp(envelope.MinY + (envelope.Height * random.NextDouble()), -89.9, 89.9),
                    envelope.MinX + (envelope.Width * random.NextDouble()));
                var end = Geodesy.Destination(start, random.NextDouble() * 360, 1 + (random.NextDouble() * 300));
                var from = new TrackPosition(start.Latitude, start.Longitude, random.Next(0, 40000), T0);
                var to = new TrackPosition(end.Latitude, end.Longitude, random.Next(0, 40000), T0.AddMinutes(30));

                var crossings = GeofenceCrossings.Find(fence, from, to);

                var inside = fence.Contains(from.Point, from.AltitudeFeet);
                var arc = Geodesy.DistanceNauticalMiles(start, end);
                for (var i = 0; i < crossings.Count; i++)
                {
                    var c = crossings[i];
                    Assert.Equal(inside ? GeofenceCrossingKind.Exited : GeofenceCrossingKind.Entered, c.Kind);
                    Assert.True(i == 0 || c.Fraction >= crossings[i - 1].Fraction);
                    inside = !inside;

                    // Just before and just after a lateral crossing (0.003 nm), the point-in-fence answer agrees.
                    var step = 0.003 / arc;
                    var alone = (i == 0 || c.Fraction - crossings[i - 1].Fraction > 3 * step)
                        && (i + 1 == crossings.Count || crossings[i + 1].Fraction - c.Fraction > 3 * step);
                    if (c.Boundary == GeofenceBoundary.Lateral && alone && c.Fraction - step > 0 && c.Fraction + step < 1)
                    {
                        var altitude = from.AltitudeFeet + ((to.AltitudeFeet - from.AltitudeFeet) * c.Fraction);
                        Assert.Equal(!inside, fence.Contains(Geodesy.Interpolate(start, end, c.Fraction - step), (int?)altitude));
                        Assert.True(inside == fence.Contains(Geodesy.Interpolate(start, end, c.Fraction + step), (int?)altitude), $"{fence.Id} {from} → {to}: {c}");
                        checkedCrossings++;
                    }
                }

                Assert.Equal(fence.Contains(to.Point, to.AltitudeFeet), inside);
            }
        }

        Assert.True(checkedCrossings > 300, $"only {checkedCrossings} crossings checked");
    }

    [Fact]
    public void A_position_off_the_earth_is_refused()
    {
        var fence = ParseOne(Feature(Polygon(Box(0, 0, 1, 1))));

        Assert.Throws<ArgumentException>(() => GeofenceCrossings.Find(fence, new TrackPosition(91, 0, null, T0), new TrackPosition(0, 0, null, T0)));
        Assert.Throws<ArgumentException>(() => GeofenceCrossings.Find(fence, new TrackPosition(0, 0, null, T0), new TrackPosition(0, double.NaN, null, T0)));
    }

    private static double CentralAngle(double lat1, double lon1, double lat2, double lon2) =>
        Math.Acos((Math.Sin(lat1 * Deg) * Math.Sin(lat2 * Deg)) + (Math.Cos(lat1 * Deg) * Math.Cos(lat2 * Deg) * Math.Cos((lon2 - lon1) * Deg)));
}
