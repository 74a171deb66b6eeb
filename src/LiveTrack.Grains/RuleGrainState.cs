namespace LiveTrack.Grains;

/// <summary>
/// What a rule grain persists (in <see cref="LiveTrackStorage.StateName"/>) whenever its engine's state changes: the
/// <see cref="LiveTrack.Alerting.RuleEngineState"/> as JSON, so any grain storage (files, ADO.NET) can hold it.
/// </summary>
[GenerateSerializer, Alias("livetrack.RuleGrainState")]
public sealed class RuleGrainState
{
    /// <summary>The state's name in the grain storage.</summary>
    public const string Name = "rules";

    [Id(0)] public string? Engine { get; set; }
}
