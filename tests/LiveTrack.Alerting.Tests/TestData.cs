namespace LiveTrack.Alerting.Tests;

/// <summary>Shared builders: times, aircraft, events, signals, rules and the validation context.</summary>
internal static class TestData
{
    public const string Fence = "mx-12nm";
    public const string FenceName = "Mexico territorial sea";
    public const string Secret = "0123456789abcdef-secret";

    public static readonly IReadOnlyList<string> FenceTags = ["territorial", "mx"];

    /// <summary>10:00:00Z, a fixed domain time; tests offset from it.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>JSON written with single quotes for readability in attributes.</summary>
    public static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    public static RuleValidationContext Context(string? idFromPath = null) =>
        new(id => id is Fence or "mx-territorial-sea", new WebhookAllowList(["127.0.0.1:9000", "hooks.example.com"]))
        {
            IdFromPath = idFromPath,
        };

    /// <summary>Parses a document that must be valid.</summary>
    public static AlertRule ParseValid(string json, RuleValidationContext? context = null)
    {
        var result = AlertRuleParser.Parse(json, context ?? Context());
        Assert.True(result.IsValid, Describe(result.Errors));
        return result.Rule;
    }

    public static string Describe(IEnumerable<RuleValidationError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));

    public static AircraftSnapshot Aircraft(string icao = "ae01c5", string? callsign = "JAKE21") => new()
    {
        Icao = icao,
        Callsign = callsign,
        Latitude = 21.5,
        Longitude = -97.1,
        PositionSource = PositionSource.Adsb,
        BarometricAltitudeFeet = 24_000,
        GroundSpeedKnots = 310,
        Registration = "62-4138",
        TypeCode = "R135",
        Military = true,
    };

    public static GeofenceEvent Event(
        GeofenceEventKind kind,
        DateTimeOffset at,
        long sequence,
        string icao = "ae01c5",
        string fenceId = Fence,
        AircraftSnapshot? aircraft = null) => new()
        {
            Icao = icao,
            Sequence = sequence,
            Kind = kind,
            Reason = GeofenceEventReason.Crossed,
            FenceId = fenceId,
            FenceName = fenceId == Fence ? FenceName : null,
            At = at,
            Aircraft = aircraft ?? Aircraft(icao),
            TraceId = $"trace-{icao}-{sequence}",
        };

    public static GeofenceEvent Entered(DateTimeOffset at, long sequence, string icao = "ae01c5") =>
        Event(GeofenceEventKind.Entered, at, sequence, icao);

    public static GeofenceEvent Exited(DateTimeOffset at, long sequence, string icao = "ae01c5") =>
        Event(GeofenceEventKind.Exited, at, sequence, icao);

    public static AircraftSignal Signal(
        DateTimeOffset at,
        long sequence,
        string? squawk,
        bool? emergency = false,
        string icao = "ae01c5",
        bool lost = false,
        AircraftSnapshot? aircraft = null) => new()
        {
            Icao = icao,
            Sequence = sequence,
            Squawk = squawk,
            Emergency = emergency,
            At = at,
            Lost = lost,
            Aircraft = aircraft ?? Aircraft(icao) with { Squawk = squawk, Emergency = emergency },
            TraceId = $"trace-{icao}-{sequence}",
        };

    public static AlertRule Rule(
        string id,
        RuleTrigger trigger,
        TimeSpan cooldown = default,
        AircraftFilter? filter = null,
        bool enabled = true) => new()
        {
            Id = id,
            Name = $"Rule {id}",
            Enabled = enabled,
            Trigger = trigger,
            Cooldown = cooldown,
            Filter = filter ?? AircraftFilter.Any,
        };

    public static GeofenceTrigger OnFence(string fenceId, params GeofenceEventKind[] kinds) =>
        new(fenceId, null, kinds.Length == 0 ? new HashSet<GeofenceEventKind> { GeofenceEventKind.Entered } : kinds.ToHashSet(), null);

    public static GeofenceTrigger OnTag(string tag, params GeofenceEventKind[] kinds) =>
        new(null, tag, kinds.Length == 0 ? new HashSet<GeofenceEventKind> { GeofenceEventKind.Entered } : kinds.ToHashSet(), null);

    public static GeofenceTrigger Dwell(string fenceId, TimeSpan dwell) =>
        new(fenceId, null, new HashSet<GeofenceEventKind> { GeofenceEventKind.Entered }, dwell);

    public static SquawkTrigger Squawk(TimeSpan heldFor, params string[] codes) => new(codes.ToHashSet(), heldFor);

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    public static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);
}
