namespace LiveTrack.Server.History;

/// <summary>Where an import is: waiting, running (validating, then writing), or finished.</summary>
public enum ImportState
{
    /// <summary>Uploaded and waiting for a free worker.</summary>
    Queued,

    /// <summary>Being read: first validated (nothing written), then written.</summary>
    Running,

    /// <summary>Read to its end and written.</summary>
    Completed,

    /// <summary>Stopped; <c>error</c> says why and whether anything was written.</summary>
    Failed,
}
