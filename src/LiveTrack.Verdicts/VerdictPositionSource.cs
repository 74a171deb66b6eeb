using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>
/// How a position was determined. The same members and numbers as <c>LiveTrack.PositionSource</c> in
/// LiveTrack.Abstractions (a cast converts), repeated here so the verdict logic needs no Orleans reference.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerdictPositionSource>))]
public enum VerdictPositionSource
{
    /// <summary>The feed did not say.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown = 0,

    /// <summary>Broadcast by the aircraft itself (ADS-B).</summary>
    [JsonStringEnumMemberName("adsb")]
    Adsb = 1,

    /// <summary>Multilateration from several receivers.</summary>
    [JsonStringEnumMemberName("mlat")]
    Mlat = 2,

    /// <summary>Rebroadcast by ground radar (TIS-B).</summary>
    [JsonStringEnumMemberName("tisb")]
    Tisb = 3,

    /// <summary>ADS-R rebroadcast of UAT traffic.</summary>
    [JsonStringEnumMemberName("adsr")]
    Adsr = 4,

    /// <summary>Anything else (synthetic, other technologies).</summary>
    [JsonStringEnumMemberName("other")]
    Other = 5,
}
