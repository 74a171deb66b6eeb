using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>The answer to "did the aircraft enter the fence in the window?".</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<VerdictOutcome>))]
public enum VerdictOutcome
{
    /// <summary>A report inside by more than its uncertainty, or a crossing leg (no gap) reaching that deep.</summary>
    Entered,

    /// <summary>Every report (and every leg between reports) outside by more than its uncertainty, and no gap can hide an entry.</summary>
    NotEntered,

    /// <summary>Neither: the reasons say which evidence prevents a decision.</summary>
    Undetermined,
}
