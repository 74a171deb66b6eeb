using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>Writes an enum as a kebab-case string (<c>Entered</c> → <c>entered</c>, <c>AltitudeUnknown</c> → <c>altitude-unknown</c>).</summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class KebabCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
