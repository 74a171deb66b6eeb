namespace LiveTrack.Adsb;

/// <summary>SBS-1 (BaseStation) transmission types carried by <c>MSG</c> records.</summary>
public enum SbsTransmissionType
{
    /// <summary>MSG,1 — identification and category: callsign.</summary>
    Identification = 1,
    /// <summary>MSG,2 — surface position: altitude, ground speed, track, position.</summary>
    SurfacePosition = 2,
    /// <summary>MSG,3 — airborne position: altitude, position, flags.</summary>
    AirbornePosition = 3,
    /// <summary>MSG,4 — airborne velocity: ground speed, track, vertical rate.</summary>
    AirborneVelocity = 4,
    /// <summary>MSG,5 — surveillance altitude: altitude, flags.</summary>
    SurveillanceAltitude = 5,
    /// <summary>MSG,6 — surveillance identity: altitude, squawk, flags.</summary>
    SurveillanceIdentity = 6,
    /// <summary>MSG,7 — air-to-air: altitude.</summary>
    AirToAir = 7,
    /// <summary>MSG,8 — all-call reply: on-ground flag.</summary>
    AllCallReply = 8,
}
