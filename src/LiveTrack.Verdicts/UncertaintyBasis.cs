using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>Where a report's horizontal uncertainty came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UncertaintyBasis>))]
public enum UncertaintyBasis
{
    /// <summary>The EPU of the report's NACp.</summary>
    [JsonStringEnumMemberName("nacp")]
    NacP,

    /// <summary>The report's containment radius (readsb <c>rc</c>, or the Rc of its NIC).</summary>
    [JsonStringEnumMemberName("containment")]
    Containment,

    /// <summary>No accuracy fields: the default for its position source.</summary>
    [JsonStringEnumMemberName("source-default")]
    SourceDefault,
}
