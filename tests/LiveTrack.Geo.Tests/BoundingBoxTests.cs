namespace LiveTrack.Geo.Tests;

public class BoundingBoxTests
{
    private static readonly BoundingBox Europe = new(-10, 35, 30, 60);
    private static readonly BoundingBox Pacific = new(170, -20, -170, 20);

    [Fact]
    public void Ordinary_box_contains_inside_points_and_edges()
    {
        Assert.False(Europe.CrossesAntimeridian);
        Assert.True(Europe.Contains(51.47, -0.45));
        Assert.True(Europe.Contains(new GeoPoint(48.0, 2.5)));
        Assert.True(Europe.Contains(35, -10)); // south-west corner
        Assert.True(Europe.Contains(60, 30)); // north-east corner
        Assert.True(Europe.Contains(40, 30)); // east edge
    }

    [Theory]
    [InlineData(34.999, 0)]
    [InlineData(60.001, 0)]
    [InlineData(40, -10.001)]
    [InlineData(40, 30.001)]
    [InlineData(40.6, -73.8)]
    [InlineData(double.NaN, 0)]
    [InlineData(40, double.NaN)]
    public void Ordinary_box_excludes_outside_points(double latitude, double longitude)
    {
        Assert.False(Europe.Contains(latitude, longitude));
    }

    [Fact]
    public void Antimeridian_box_covers_both_sides()
    {
        Assert.True(Pacific.CrossesAntimeridian);
        Assert.True(Pacific.Contains(0, 175));
        Assert.True(Pacific.Contains(0, -175));
        Assert.True(Pacific.Contains(0, 170));
        Assert.True(Pacific.Contains(0, -170));
        Assert.True(Pacific.Contains(0, 180));
        Assert.True(Pacific.Contains(0, -180));
        Assert.True(Pacific.Contains(20, 179.9));
        Assert.True(Pacific.Contains(-20, -179.9));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 169.99)]
    [InlineData(0, -169.99)]
    [InlineData(20.01, 180)]
    [InlineData(-20.01, 175)]
    [InlineData(0, 100)]
    public void Antimeridian_box_excludes_the_rest_of_the_world(double latitude, double longitude)
    {
        Assert.False(Pacific.Contains(latitude, longitude));
    }

    [Fact]
    public void Box_touching_the_antimeridian_treats_180_and_minus_180_alike()
    {
        var east = new BoundingBox(170, -10, 180, 10);
        var west = new BoundingBox(-180, -10, -170, 10);

        Assert.True(east.Contains(0, -180));
        Assert.True(west.Contains(0, 180));
        Assert.False(east.Contains(0, -179.9));
        Assert.False(west.Contains(0, 179.9));
    }

    [Fact]
    public void Out_of_range_longitudes_are_wrapped_before_testing()
    {
        Assert.True(Pacific.Contains(0, 185)); // = -175
        Assert.True(Europe.Contains(50, 365)); // = 5
        Assert.False(Europe.Contains(50, 190)); // = -170
    }

    [Fact]
    public void World_contains_everything_including_poles_and_the_antimeridian()
    {
        var world = BoundingBox.World;
        Assert.False(world.CrossesAntimeridian);
        Assert.True(world.Contains(90, 0));
        Assert.True(world.Contains(-90, 0));
        Assert.True(world.Contains(0, -180));
        Assert.True(world.Contains(0, 180));
        Assert.True(world.Contains(12.3, 179.999));
        Assert.False(world.Contains(90.001, 0));
    }

    [Fact]
    public void TryParse_reads_the_rest_query_form_with_spaces()
    {
        Assert.True(BoundingBox.TryParse(" -10.5 , 35,30.25 ,  60 ", out var box, out var error));
        Assert.Null(error);
        Assert.Equal(new BoundingBox(-10.5, 35, 30.25, 60), box);
    }

    [Fact]
    public void TryParse_accepts_an_antimeridian_box()
    {
        Assert.True(BoundingBox.TryParse("170,-20,-170,20", out var box, out _));
        Assert.True(box.CrossesAntimeridian);
        Assert.True(box.Contains(5, -175));
    }

    [Fact]
    public void TryParse_accepts_exponents_and_the_full_world()
    {
        Assert.True(BoundingBox.TryParse("-1.8e2,-90,180,9E1", out var box, out _));
        Assert.Equal(BoundingBox.World, box);
    }

    [Fact]
    public void TryParse_is_culture_invariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.True(BoundingBox.TryParse("1.5,2.5,3.5,4.5", out var box, out _));
            Assert.Equal(1.5, box.MinLongitude);
            Assert.Equal(4.5, box.MaxLatitude);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1,2,3")]
    [InlineData("1,2,3,4,5")]
    [InlineData("1;2;3;4")]
    [InlineData("1,2,,4")]
    [InlineData("1,2,3,4,")]
    public void TryParse_rejects_the_wrong_shape(string? text)
    {
        Assert.False(BoundingBox.TryParse(text, out var box, out var error));
        Assert.Equal("expected 4 comma-separated numbers minLon,minLat,maxLon,maxLat", error);
        Assert.Equal(default, box);
    }

    [Theory]
    [InlineData("abc,2,3,4", "minLon is not a valid number")]
    [InlineData("1,2,3,4x", "maxLat is not a valid number")]
    [InlineData("1,2,3 .5,4", "maxLon is not a valid number")]
    [InlineData("1,95,3,96", "minLat must be between -90 and 90")]
    [InlineData("1,-91,3,4", "minLat must be between -90 and 90")]
    [InlineData("1,2,3,90.5", "maxLat must be between -90 and 90")]
    [InlineData("1,50,3,40", "minLat must not be greater than maxLat")]
    [InlineData("-181,0,0,1", "minLon must be between -180 and 180")]
    [InlineData("0,0,180.01,1", "maxLon must be between -180 and 180")]
    [InlineData("NaN,0,1,1", "minLon must be a finite number")]
    [InlineData("0,0,1,Infinity", "maxLat must be a finite number")]
    [InlineData("0,1e400,1,1", "minLat must be a finite number")]
    public void TryParse_reports_what_is_wrong(string text, string expectedError)
    {
        Assert.False(BoundingBox.TryParse(text, out _, out var error));
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void TryCreate_validates_like_TryParse()
    {
        Assert.True(BoundingBox.TryCreate(170, -20, -170, 20, out var box, out var error));
        Assert.Null(error);
        Assert.Equal(Pacific, box);

        Assert.False(BoundingBox.TryCreate(0, 10, 1, 5, out box, out error));
        Assert.Equal("minLat must not be greater than maxLat", error);
        Assert.Equal(default, box);

        Assert.False(BoundingBox.TryCreate(double.NaN, 0, 1, 1, out _, out error));
        Assert.Equal("minLon must be a finite number", error);

        Assert.False(BoundingBox.TryCreate(0, double.NegativeInfinity, 1, 1, out _, out error));
        Assert.Equal("minLat must be a finite number", error);

        Assert.False(BoundingBox.TryCreate(0, 0, 200, 1, out _, out error));
        Assert.Equal("maxLon must be between -180 and 180", error);
    }

    [Fact]
    public void TryCreate_accepts_degenerate_boxes()
    {
        Assert.True(BoundingBox.TryCreate(5, 5, 5, 5, out var box, out _));
        Assert.True(box.Contains(5, 5));
        Assert.False(box.Contains(5, 5.0001));
    }
}
