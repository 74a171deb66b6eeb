namespace LiveTrack;

/// <summary>A webhook delivery given up after its retry time, kept to be inspected and re-sent.</summary>
[GenerateSerializer, Immutable, Alias("livetrack.DeadLetter")]
public sealed record DeadLetter
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required Alert Alert { get; init; }
    [Id(2)] public required string Url { get; init; }
    [Id(3)] public required int Attempts { get; init; }
    [Id(4)] public string? LastError { get; init; }
    [Id(5)] public required DateTimeOffset FirstAttemptAt { get; init; }
    [Id(6)] public required DateTimeOffset DeadAt { get; init; }
}
