using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTrack.Alerting.Documents;

/// <summary>A rule's trigger, told apart by <c>kind</c>: <c>geofence</c>, <c>squawk</c> or <c>emergency</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(GeofenceTriggerDocument), "geofence")]
[JsonDerivedType(typeof(SquawkTriggerDocument), "squawk")]
[JsonDerivedType(typeof(EmergencyTriggerDocument), "emergency")]
public abstract record TriggerDocument
{
    public static TriggerDocument From(RuleTrigger trigger) => trigger switch
    {
        GeofenceTrigger geofence => new GeofenceTriggerDocument
        {
            FenceId = geofence.FenceId,
            Tag = geofence.Tag,
            Events = [.. Enum.GetValues<GeofenceEventKind>().Where(geofence.Kinds.Contains).Select(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString()))],
            DwellMinutes = geofence.Dwell?.TotalMinutes,
        },
        SquawkTrigger squawk => new SquawkTriggerDocument { Codes = [.. squawk.Codes.Order(StringComparer.Ordinal)], HeldSeconds = squawk.HeldFor.TotalSeconds },
        EmergencyTrigger emergency => new EmergencyTriggerDocument { HeldSeconds = emergency.HeldFor.TotalSeconds },
        _ => throw new NotSupportedException($"{trigger?.GetType().Name} cannot be written as a rule trigger"),
    };
}
