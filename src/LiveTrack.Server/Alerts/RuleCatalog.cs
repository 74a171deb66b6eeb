using LiveTrack.Alerting;
using LiveTrack.Grains;
using LiveTrack.Server.Geofences;
using LiveTrack.Server.Storage;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Alerts;

/// <summary>A persisted rule: its JSON document with secrets (the source of truth).</summary>
public sealed record StoredRule(string Id, string Json, DateTimeOffset UpdatedAt);

/// <summary>Where rules are kept (see <see cref="IDocumentStore{T}"/>).</summary>
public interface IRuleStore : IDocumentStore<StoredRule>;

public sealed class FileRuleStore(string folder, ILogger<FileRuleStore> logger) : FileDocumentStore<StoredRule>(folder, r => r.Id, logger), IRuleStore;

/// <summary>
/// This silo's alert rules: the store is the source of truth, an immutable <see cref="RuleSet"/> the replica rule
/// grains evaluate against. Loaded before the silo starts; a change on any silo is announced to all, which reload it.
/// </summary>
public sealed class RuleCatalog(
    IRuleStore store,
    GeofenceCatalog fences,
    IOptions<AlertOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<RuleCatalog> logger) : IHostedService, IAlertRuleProvider, IRuleChangeListener, IDisposable
{
    private readonly SemaphoreSlim writes = new(1, 1);
    private volatile RuleSet rules = RuleSet.Empty;

    public RuleSet Current => rules;

    public WebhookAllowList AllowList { get; } = new(options.Value.Webhooks.AllowList);

    /// <summary>Validation for a rule submitted through the API: its fence must exist, its webhooks be allowed.</summary>
    public RuleValidationContext ValidationFor(string? idFromPath) =>
        new(id => fences.Index.Find(id) is not null, AllowList) { IdFromPath = idFromPath };

    public void Dispose() => writes.Dispose();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var loaded = new List<AlertRule>();
        foreach (var stored in await store.LoadAll(cancellationToken))
        {
            if (Parse(stored) is { } rule)
            {
                loaded.Add(rule);
            }
        }

        if (loaded.Count == 0 && options.Value.Seed is { Length: > 0 } seed)
        {
            loaded.AddRange(await Seed(Path.Combine(environment.ContentRootPath, seed), cancellationToken));
        }

        rules = RuleSet.Create(loaded);
        RuleCatalogLog.Loaded(logger, loaded.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task OnRulesChanged(string[] ruleIds)
    {
        var reloaded = new List<AlertRule>();
        foreach (var id in ruleIds)
        {
            if (await store.Load(id, CancellationToken.None) is { } stored && Parse(stored) is { } rule)
            {
                reloaded.Add(rule);
            }
        }

        await writes.WaitAsync();
        try
        {
            var changed = ruleIds.ToHashSet(StringComparer.Ordinal);
            rules = RuleSet.Create(rules.All.Where(r => !changed.Contains(r.Id)).Concat(reloaded));
        }
        finally
        {
            writes.Release();
        }
    }

    /// <summary>Stores a rule (new or replacing). With <paramref name="mustBeNew"/>, an existing id is a conflict (false).</summary>
    public async Task<bool> Upsert(AlertRule rule, bool mustBeNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        await writes.WaitAsync(cancellationToken);
        try
        {
            if (mustBeNew && rules.Find(rule.Id) is not null)
            {
                return false;
            }

            await store.Save(Stored(rule), cancellationToken);
            rules = RuleSet.Create(rules.All.Where(r => r.Id != rule.Id).Append(rule));
            return true;
        }
        finally
        {
            writes.Release();
        }
    }

    /// <summary>Changes a rule under the write lock (no lost update against a concurrent replace or delete); null when it does not exist.</summary>
    public async Task<AlertRule?> Update(string id, Func<AlertRule, AlertRule> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await writes.WaitAsync(cancellationToken);
        try
        {
            if (rules.Find(id) is not { } rule)
            {
                return null;
            }

            var changed = change(rule);
            await store.Save(Stored(changed), cancellationToken);
            rules = RuleSet.Create(rules.All.Where(r => r.Id != id).Append(changed));
            return changed;
        }
        finally
        {
            writes.Release();
        }
    }

    public async Task<bool> Delete(string id, CancellationToken cancellationToken)
    {
        await writes.WaitAsync(cancellationToken);
        try
        {
            var removed = await store.Delete(id, cancellationToken);
            rules = RuleSet.Create(rules.All.Where(r => r.Id != id));
            return removed;
        }
        finally
        {
            writes.Release();
        }
    }

    private StoredRule Stored(AlertRule rule) => new(rule.Id, AlertRuleJson.Write(rule, includeSecrets: true), timeProvider.GetUtcNow());

    private AlertRule? Parse(StoredRule stored)
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

    private async Task<IReadOnlyList<AlertRule>> Seed(string path, CancellationToken cancellationToken)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        var seeded = new List<AlertRule>();
        var i = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var parsed = AlertRuleParser.Parse(element, ValidationFor(null));
            if (!parsed.IsValid)
            {
                throw new InvalidOperationException($"Rule {i} of the seed {path} is invalid: {string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }

            await store.Save(Stored(parsed.Rule!), cancellationToken);
            seeded.Add(parsed.Rule);
            i++;
        }

        RuleCatalogLog.Seeded(logger, seeded.Count, path);
        return seeded;
    }
}

internal static partial class RuleCatalogLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Loaded {Count} alert rules from the store")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Stored alert rule {Id} is no longer valid and was not loaded: {Errors}")]
    public static partial void StoredRuleInvalid(ILogger logger, string id, string errors);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Stored {Count} demo alert rules from {Path} into the empty store")]
    public static partial void Seeded(ILogger logger, int count, string path);
}
