namespace LiveTrack.Geofencing.Tests;

/// <summary>How a fence is cited (verdicts, events): from its dataset when imported from one, else from its properties.</summary>
public sealed class FenceCitationTests
{
    [Fact]
    public void A_drawn_fence_is_cited_from_the_properties_it_was_given_with_their_tolerance()
    {
        var fence = Assert.Single(GeofenceParser.Parse("""
            { "type": "Feature", "id": "drawn", "properties": { "name": "Drawn", "datasetTitle": "Survey 2026", "resolutionM": 250,
              "datasetVersion": "2", "licence": "CC-BY-4.0", "toleranceNm": 0.2, "note": "by hand", "tags": ["x"] },
              "geometry": { "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }
            """).Fences);

        var (citation, tolerance) = FenceCitation.Of(fence);

        Assert.Equal(0.2, tolerance);
        Assert.Equal("CC-BY-4.0", citation.Licence);
        Assert.Equal("Survey 2026, 250 m resolution, v2", citation.Describe());
        Assert.Equal("by hand", citation.Properties["note"]);
        Assert.False(citation.Properties.ContainsKey("tags"));
    }

    [Fact]
    public void A_fence_imported_from_a_dataset_is_cited_from_that_dataset_as_its_provenance_cites_itself()
    {
        var mexico = NationalAirspaceTests.Mexico;

        var (citation, tolerance) = FenceCitation.Of(mexico);

        Assert.Equal(mexico.Provenance!.Citation, citation.Describe());
        Assert.Equal("OSM maritime boundary, 1 km resolution, v1.1.0", citation.Describe());
        Assert.Equal(mexico.ToleranceNauticalMiles, tolerance);
        Assert.Equal(("osm-maritime-1000m", "MEX", "1"), (citation.Dataset, citation.Country, citation.Version));
    }

    [Fact]
    public void A_fence_without_dataset_properties_has_no_citation() =>
        Assert.Null(FenceCitation.Format(null, null, null));
}
