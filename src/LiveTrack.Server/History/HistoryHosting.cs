using LiveTrack.History;
using LiveTrack.History.DuckDb;
using LiveTrack.History.PostgreSql;
using LiveTrack.Server.Apis.History;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.History;

public static class HistoryHosting
{
    /// <summary>
    /// The position history (<c>LiveTrack:History</c>): the configured store and this silo's writer, which the aircraft
    /// grains hand positions, changes and events to. Register before the silo, so the writer starts before it and
    /// stops (with a final flush) after it. With <c>Store = None</c> nothing is registered and grains record nothing.
    /// </summary>
    public static IServiceCollection AddLiveTrackHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, HistoryJsonContext.Default));
        var kind = configuration.GetValue($"{HistoryOptions.SectionName}:{nameof(HistoryOptions.Store)}", HistoryStoreKind.DuckDb);
        if (kind == HistoryStoreKind.None)
        {
            return services;
        }

        services.AddSingleton<IHistoryStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HistoryOptions>>().Value;
            return options.Store switch
            {
                HistoryStoreKind.PostgreSql => new PostgreSqlHistoryStore(options.ConnectionString!),
                _ => new DuckDbHistoryStore(options.Path),
            };
        });
        services.AddSingleton<HistoryWriter>();
        services.AddSingleton<IHistoryRecorder>(sp => sp.GetRequiredService<HistoryWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<HistoryWriter>());

        // Imports write to the same store; registered after the writer, so they start after the schema is applied.
        services.AddOptions<ImportsOptions>().BindConfiguration(ImportsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportService>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportService>());
        return services;
    }
}
