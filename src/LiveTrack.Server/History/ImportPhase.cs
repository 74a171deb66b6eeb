namespace LiveTrack.Server.History;

/// <summary>The pass a running import is in.</summary>
public enum ImportPhase
{
    /// <summary>The whole upload is read and counted; nothing is written yet.</summary>
    Validating,

    /// <summary>Read again, evaluated against the fences and written to the history.</summary>
    Writing,
}
