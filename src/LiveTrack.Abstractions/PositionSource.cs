namespace LiveTrack;

/// <summary>How a position was determined. Analysts treat MLAT and TIS-B positions with more care than ADS-B.</summary>
[GenerateSerializer, Alias("livetrack.PositionSource")]
public enum PositionSource
{
    /// <summary>The feed did not say.</summary>
    Unknown = 0,
    /// <summary>Broadcast by the aircraft itself (ADS-B).</summary>
    Adsb = 1,
    /// <summary>Multilateration from several receivers.</summary>
    Mlat = 2,
    /// <summary>Rebroadcast by ground radar (TIS-B).</summary>
    Tisb = 3,
    /// <summary>ADS-R rebroadcast of UAT traffic.</summary>
    Adsr = 4,
    /// <summary>Anything else (e.g. Mode S without position, synthetic).</summary>
    Other = 5,
}
