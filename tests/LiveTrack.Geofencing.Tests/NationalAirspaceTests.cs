using LiveTrack.Geo;

namespace LiveTrack.Geofencing.Tests;

/// <summary>
/// National airspace from the real OSM maritime boundary package, restored by the build (npm ci) into the test
/// output's boundaries/ folder.
/// </summary>
public class NationalAirspaceTests
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    internal static BoundaryDatasetReader Dataset1000m { get; } =
        BoundaryDatasetReader.Open(BoundaryDataset.Find("osm-maritime-1000m")!, Path.Combine(AppContext.BaseDirectory, "boundaries"))
        ?? throw new InvalidOperationException("The osm-maritime-1000m package is not in the test output: the build's npm ci did not run.");

    internal static GeofenceDefinition Mexico { get; } = NationalAirspace.Create(Dataset1000m, "MEX", ImportedAt, "Mexican national airspace");

    [Theory]
    [InlineData(27.3, -111.1, false)] // the international strip in the middle of the southern gulf
    [InlineData(26.5, -110.2, false)]
    [InlineData(28.5, -112.3, true)] // north of the 1968 straight baselines: internal waters
    [InlineData(29.5, -113.0, true)]
    [InlineData(30.5, -114.0, true)]
    [InlineData(19.43, -99.13, true)] // Mexico City
    [InlineData(25.6, -109.05, true)] // Topolobampo's coast
    [InlineData(31.5, -110.0, false)] // Arizona
    public void Mexican_national_airspace_follows_the_OSM_boundary_in_the_Gulf_of_California(double latitude, double longitude, bool inside)
    {
        Assert.Equal(inside, Mexico.Contains(latitude, longitude, 31_000));
    }

    [Fact]
    public void The_fence_names_its_dataset_version_licence_attribution_resolution_and_tolerance()
    {
        var p = Mexico.Provenance!;

        Assert.Equal("national-airspace-mex", Mexico.Id);
        Assert.Equal("national-airspace", p.Kind);
        Assert.Equal("osm-maritime-1000m", p.Dataset);
        Assert.Equal("@osm_borders/maritime_1000m", p.Package);
        Assert.Equal("1.1.0", p.PackageVersion);
        Assert.Equal("ODbL-1.0", p.Licence);
        Assert.Equal("© OpenStreetMap contributors", p.Attribution);
        Assert.Equal(1000, p.ResolutionMeters);
        Assert.Equal(["MEX"], p.Countries);
        Assert.Equal(ImportedAt, p.ImportedAt);
        Assert.Equal(1000 / 1852.0, Mexico.ToleranceNauticalMiles, 12);
        Assert.Equal("OSM maritime boundary, 1 km resolution, v1.1.0", p.Citation);
        Assert.Contains("national-airspace", Mexico.Tags);
        Assert.Contains("\"toleranceNm\":0.5399", Mexico.SourceGeoJson, StringComparison.Ordinal);
        Assert.Contains("\"licence\":\"ODbL-1.0\"", Mexico.SourceGeoJson, StringComparison.Ordinal);
    }

    [Fact]
    public void National_airspace_has_no_floor_or_ceiling_unless_given()
    {
        Assert.False(Mexico.HasAltitudeBand);
        Assert.True(Mexico.Contains(28.5, -112.3, 60_000));
        Assert.True(Mexico.Contains(28.5, -112.3, null));

        var banded = NationalAirspace.Create(Dataset1000m, "MEX", ImportedAt, floorFeet: 0, ceilingFeet: 60_000);
        Assert.False(banded.Contains(28.5, -112.3, 70_000));
        Assert.True(banded.Contains(28.5, -112.3, 30_000));
    }

    [Theory]
    [InlineData("MEX", "MEX")]
    [InlineData("mex", "MEX")]
    [InlineData("MX", "MEX")]
    [InlineData("us", "USA")]
    [InlineData("XYZ", null)]
    [InlineData("ZZ", null)]
    [InlineData("MEXI", null)]
    public void Countries_are_named_by_ISO_3166_alpha_3_or_alpha_2_code(string code, string? expected)
    {
        Assert.Equal(expected, Dataset1000m.Resolve(code));
    }

    [Fact]
    public void The_stored_document_gives_back_the_same_fence()
    {
        var read = NationalAirspace.Read(Mexico.Id, Mexico.SourceGeoJson, out var error);

        Assert.Null(error);
        Assert.NotNull(read);
        Assert.Equal(Mexico.Provenance, read.Provenance);
        Assert.Equal(Mexico.Name, read.Name);
        Assert.True(read.Geometry.EqualsTopologically(Mexico.Geometry));
        Assert.True(NationalAirspace.IsDatasetFence(Mexico.SourceGeoJson));
    }

    [Fact]
    public void Every_country_of_the_dataset_becomes_a_valid_fence_that_contains_its_own_interior()
    {
        foreach (var code in Dataset1000m.CountryCodes)
        {
            var fence = NationalAirspace.Create(Dataset1000m, code, ImportedAt);
            Assert.True(fence.Geometry.IsValid, code);
            var inner = fence.Geometry.InteriorPoint;
            Assert.True(fence.Contains(inner.Y, inner.X, null), code);
        }
    }

    [Fact]
    public void Fences_that_cross_the_antimeridian_are_split_there()
    {
        var russia = NationalAirspace.Create(Dataset1000m, "RUS", ImportedAt);
        var fiji = NationalAirspace.Create(Dataset1000m, "FJI", ImportedAt);

        Assert.True(russia.Contains(66.0, 179.9, null)); // Chukotka, both sides of 180
        Assert.True(russia.Contains(66.0, -179.9, null));
        Assert.True(fiji.Contains(-16.7, 179.9, null));
        Assert.True(fiji.Contains(-16.7, -179.95, null));
        Assert.InRange(russia.Geometry.EnvelopeInternal.Width, 359, 360);
    }

    [Fact]
    public void International_waters_are_the_area_minus_national_airspace()
    {
        var gulf = Planar.Factory.CreatePolygon([new(-114.9, 31.9), new(-109.3, 22.8), new(-105.6, 22.9), new(-112.0, 31.9), new(-114.9, 31.9)]);
        var waters = NationalAirspace.InternationalWaters("gulf-international", "Gulf of California: international waters", gulf, [Mexico], ImportedAt)!;

        Assert.True(waters.Contains(27.3, -111.1, null));
        Assert.True(waters.Contains(26.5, -110.2, null));
        Assert.False(waters.Contains(28.5, -112.3, null));
        Assert.False(waters.Contains(29.5, -113.0, null));
        Assert.Equal("international-waters", waters.Provenance!.Kind);
        Assert.Equal("1.1.0", waters.Provenance.PackageVersion);
        Assert.Equal(["MEX"], waters.Provenance.Countries);
    }

    [Fact]
    public void Distance_to_the_line_is_the_great_circle_distance_to_the_nearest_edge()
    {
        var box = new GeofenceDefinition("box", "box", [], Planar.Factory.CreatePolygon([new(0, 0), new(1, 0), new(1, 1), new(0, 1), new(0, 0)]), null, null, 0, "{}");

        Assert.Equal(Geodesy.DistanceNauticalMiles(new GeoPoint(-1, 0.5), new GeoPoint(0, 0.5)), FenceDistance.ToBoundaryNauticalMiles(box, new GeoPoint(-1, 0.5)), 6);
        Assert.Equal(Geodesy.DistanceNauticalMiles(new GeoPoint(0.5, 0.5), new GeoPoint(0.5, 0)), FenceDistance.ToBoundaryNauticalMiles(box, new GeoPoint(0.5, 0.5)), 3);
        Assert.Equal(Geodesy.DistanceNauticalMiles(new GeoPoint(-3, -4), new GeoPoint(0, 0)), FenceDistance.ToBoundaryNauticalMiles(box, new GeoPoint(-3, -4)), 6);

        // The strip point is outside Mexico, a few nautical miles to tens of miles from its line.
        Assert.InRange(FenceDistance.ToBoundaryNauticalMiles(Mexico, new GeoPoint(27.3, -111.1)), 1, 30);
    }
}
