using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Alerts;

/// <summary>Rules in the shared database (see <see cref="PostgreSqlDocumentStore{T}"/>).</summary>
public sealed class PostgreSqlRuleStore(PostgreSqlStorage storage) : PostgreSqlDocumentStore<StoredRule>(storage, "rule", r => r.Id, r => r.Version), IRuleStore;
