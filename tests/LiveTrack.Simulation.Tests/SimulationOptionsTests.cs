namespace LiveTrack.Simulation.Tests;

public class SimulationOptionsTests
{
    [Fact]
    public void Defaults()
    {
        var options = new SimulationOptions();
        Assert.Equal(300, options.AircraftCount);
        Assert.Equal(20261123, options.Seed);
        Assert.True(options.IncludeGulfOfCaliforniaScenario);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    [InlineData(int.MinValue)]
    public void Aircraft_count_out_of_range_is_rejected(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationOptions { AircraftCount = count });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    public void Aircraft_count_in_range_is_accepted(int count)
    {
        Assert.Equal(count, new SimulationOptions { AircraftCount = count }.AircraftCount);
    }

    [Fact]
    public void Options_are_a_value_record()
    {
        Assert.Equal(new SimulationOptions { Seed = 5 }, new SimulationOptions { Seed = 5 });
        Assert.NotEqual(new SimulationOptions { Seed = 5 }, new SimulationOptions { Seed = 6 });
    }
}
