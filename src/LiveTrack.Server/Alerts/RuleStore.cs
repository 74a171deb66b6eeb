using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Alerts;

/// <summary>Where rules are kept (see <see cref="IDocumentStore{T}"/>).</summary>
public interface IRuleStore : IDocumentStore<StoredRule>;
