namespace LiveTrack.Server.Geofences;

internal static partial class GeofenceLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Loaded {Count} geofences from the store")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Stored {Count} demo geofences from {Path} into the empty store")]
    public static partial void Seeded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 4091, Level = LogLevel.Warning, Message = "No geofence could be loaded ({Invalid} invalid, {Quarantined} moved aside as unreadable): the demo geofences are not stored, so the catalog stays empty until the files are restored or removed")]
    public static partial void SeedWithheld(ILogger logger, int invalid, int quarantined);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Stored geofence {Id} is no longer valid and was not loaded: {Errors}")]
    public static partial void StoredFenceInvalid(ILogger logger, string id, string errors);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Geofence writes require the API key {Key} (header X-Api-Key or Authorization: Bearer). It was generated for this run; set LiveTrack:Api:Keys to choose your own.")]
    public static partial void GeneratedApiKey(ILogger logger, string key);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Geofence writes require one of the {Count} configured API keys (header X-Api-Key or Authorization: Bearer); reads are {ReadAccess}")]
    public static partial void ConfiguredApiKeys(ILogger logger, int count, string readAccess);
}
