using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>A 3D fence's lower or upper limit.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<AltitudeLimit>))]
public enum AltitudeLimit
{
    /// <summary>The floor.</summary>
    Floor,

    /// <summary>The ceiling.</summary>
    Ceiling,
}
