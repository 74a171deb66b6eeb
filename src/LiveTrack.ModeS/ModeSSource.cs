namespace LiveTrack.ModeS;

/// <summary>What sent a decoded message, as far as the message itself tells.</summary>
public enum ModeSSource
{
    /// <summary>A Mode S reply (DF0/4/5/11/16/20/21): no position of its own.</summary>
    ModeS,
    /// <summary>ADS-B from the aircraft (DF17, or DF18 CF=0/1).</summary>
    Adsb,
    /// <summary>TIS-B rebroadcast of radar tracks (DF18 CF=2/5).</summary>
    Tisb,
    /// <summary>ADS-R rebroadcast of UAT traffic (DF18 CF=6).</summary>
    Adsr,
    /// <summary>A multilaterated result (Beast frames with the MLAT timestamp).</summary>
    Mlat,
}
