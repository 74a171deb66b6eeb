namespace LiveTrack.Server.Airspace;

/// <summary>What an import did to one fence.</summary>
public enum FenceImportStatus
{
    /// <summary>The fence did not exist.</summary>
    Created,
    /// <summary>The fence existed from another dataset, dataset version, name or altitude band: it has a new version.</summary>
    Updated,
    /// <summary>The fence already came from this dataset version with these settings: kept as it was.</summary>
    Unchanged,
}
