using System.Text.RegularExpressions;
using LiveTrack.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ingestion pipeline and every feed configured under <c>LiveTrack:Feeds</c>. Register after the Orleans
    /// silo so feeds start once grains can be called.
    /// </summary>
    public static IServiceCollection AddLiveTrackIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedOptions>, FeedOptionsValidator>());

        var names = new List<string>();
        foreach (var feed in configuration.GetSection(IngestionOptions.FeedsSectionName).GetChildren())
        {
            if (!FeedName().IsMatch(feed.Key))
            {
                throw new OptionsValidationException(feed.Key, typeof(FeedOptions), [$"{feed.Path}: a feed name may contain only letters, digits, '-', '_' and '.' (at most 64)."]);
            }

            names.Add(feed.Key);
            services.AddOptions<FeedOptions>(feed.Key).Bind(feed).ValidateDataAnnotations().ValidateOnStart();
        }

        services.AddSingleton(new FeedCatalog(names));
        services.AddSingleton<FeedStatusRegistry>();
        services.TryAddSingleton<IFeedLeases>(new LocalFeedLeases(Environment.MachineName));
        services.AddMetrics();
        services.AddSingleton<IngestionPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestionPipeline>());
        services.AddHostedService<FeedHost>();
        return services;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex FeedName();
}
