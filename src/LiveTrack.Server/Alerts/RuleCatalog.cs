using LiveTrack.Alerting;
using LiveTrack.Grains;
using LiveTrack.Server.Catalogs;
using LiveTrack.Server.Geofences;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// This silo's alert rules (a <see cref="DocumentCatalog{TItem, TStored}"/>): the store is the source of truth, an
/// immutable <see cref="RuleSet"/> the replica rule grains evaluate against. Loaded after the fences they name.
/// </summary>
public sealed class RuleCatalog(
    IRuleStore store,
    CatalogReplication replication,
    GeofenceCatalog fences,
    IOptions<AlertOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<RuleCatalog> logger) : DocumentCatalog<AlertRule, StoredRule>(store, replication, timeProvider), IAlertRuleProvider
{
    private volatile RuleSet rules = RuleSet.Empty;

    public RuleSet Current => rules;

    public override CatalogKind Kind => CatalogKind.Rules;

    public WebhookAllowList AllowList { get; } = new(options.Value.Webhooks.AllowList);

    /// <summary>Validation for a rule submitted through the API: its fence must exist, its webhooks be allowed.</summary>
    public RuleValidationContext ValidationFor(string? idFromPath) =>
        new(id => fences.Index.Find(id) is not null, AllowList) { IdFromPath = idFromPath };

    /// <summary>
    /// Stores a rule (new or replacing) and returns what was written; null when <paramref name="mustBeNew"/> and the
    /// id exists. Whether it replaced a rule is decided under the write lock.
    /// </summary>
    public async Task<RuleWrite?> Upsert(AlertRule rule, bool mustBeNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var write = await Write([rule], mustBeNew, cancellationToken);
        return write.Saved ? new RuleWrite(rule, write.Replaced) : null;
    }

    protected override string IdOf(AlertRule item) => item.Id;

    protected override long StoredVersion(StoredRule stored) => stored.Version;

    protected override StoredRule ToStored(AlertRule item, long version) =>
        new(item.Id, AlertRuleJson.Write(item, includeSecrets: true), Clock.GetUtcNow()) { Version = version };

    protected override void Publish(IReadOnlyCollection<AlertRule> current) => rules = RuleSet.Create(current);

    protected override void OnLoaded(int count) => RuleCatalogLog.Loaded(logger, count);

    protected override void OnSeedWithheld(int invalid, int quarantined) => RuleCatalogLog.SeedWithheld(logger, invalid, quarantined);

    protected override AlertRule? Parse(StoredRule stored)
    {
        // A stored rule stays loadable when its fence was deleted since (it then never fires); webhooks must still be allowed.
        var parsed = AlertRuleParser.Parse(stored.Json, new RuleValidationContext(_ => true, AllowList) { IdFromPath = stored.Id });
        if (parsed.IsValid)
        {
            return parsed.Rule;
        }

        RuleCatalogLog.StoredRuleInvalid(logger, stored.Id, string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return null;
    }

    protected override async Task<IReadOnlyList<AlertRule>> Seed(CancellationToken cancellationToken)
    {
        if (options.Value.Seed is not { Length: > 0 } seed)
        {
            return [];
        }

        var path = Path.Combine(environment.ContentRootPath, seed);
        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        var seeded = new List<AlertRule>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var parsed = AlertRuleParser.Parse(element, ValidationFor(null));
            if (!parsed.IsValid)
            {
                throw new InvalidOperationException($"Rule {seeded.Count} of the seed {path} is invalid: {string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }

            seeded.Add(parsed.Rule!);
        }

        RuleCatalogLog.Seeded(logger, seeded.Count, path);
        return seeded;
    }
}
