namespace LiveTrack.Server.Apis.History;

/// <summary>One recorded position in a track response.</summary>
public sealed record HistoryPosition(
    DateTimeOffset At,
    double Lat,
    double Lon,
    int? AltBaro,
    int? AltGeom,
    double? GroundSpeed,
    double? Track,
    PositionSource Source,
    string Feed,
    int? Nic,
    int? NacP,
    double? Rc,
    bool Imported);
