using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Alerts;

/// <summary>One JSON file per rule in a folder (see <see cref="FileDocumentStore{T}"/>).</summary>
public sealed class FileRuleStore(string folder, ILogger<FileRuleStore> logger) : FileDocumentStore<StoredRule>(folder, r => r.Id, logger, r => r.Version), IRuleStore;
