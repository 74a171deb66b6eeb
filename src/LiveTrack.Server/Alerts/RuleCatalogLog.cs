namespace LiveTrack.Server.Alerts;

internal static partial class RuleCatalogLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Loaded {Count} alert rules from the store")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Stored alert rule {Id} is no longer valid and was not loaded: {Errors}")]
    public static partial void StoredRuleInvalid(ILogger logger, string id, string errors);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Stored {Count} demo alert rules from {Path} into the empty store")]
    public static partial void Seeded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 6091, Level = LogLevel.Warning, Message = "No alert rule could be loaded ({Invalid} invalid, {Quarantined} moved aside as unreadable): the demo rules are not stored, so the catalog stays empty until the files are restored or removed")]
    public static partial void SeedWithheld(ILogger logger, int invalid, int quarantined);
}
