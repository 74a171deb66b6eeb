using System.Text.Json.Serialization;

namespace LiveTrack.Alerting.Documents;

/// <summary><c>{"min", "max"}</c>, both inclusive, either optional.</summary>
public sealed record BandDocument
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Min { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Max { get; init; }

    public static BandDocument? From(NumberBand? band) => band is null ? null : new BandDocument { Min = band.Min, Max = band.Max };
}
