namespace LiveTrack;

/// <summary>One field of an aircraft's state: its value, when it was observed and which feed reported it.</summary>
[GenerateSerializer, Immutable, Alias("livetrack.Reading`1")]
public readonly record struct Reading<T>(
    [property: Id(0)] T Value,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Feed);
