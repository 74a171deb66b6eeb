using System.Text.Json;
using LiveTrack.ServiceDefaults;
using LiveTrack.Server.Airspace;
using LiveTrack.Server.Alerts;
using LiveTrack.Server.Apis;
using LiveTrack.Server.Geofences;
using LiveTrack.Server.History;
using LiveTrack.Server.Identity;
using LiveTrack.Server.Storage;
using LiveTrack.Grains;
using LiveTrack.History;
using LiveTrack.Ingestion;
using LiveTrack.Server.Tracking;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;

namespace LiveTrack.Server.Hosting;

public static class LiveTrackHosting
{
    /// <summary>The silo (with LiveTrack's grains), the hub, the REST API and the feeds.</summary>
    public static WebApplicationBuilder AddLiveTrack(this WebApplicationBuilder builder)
    {
        builder.AddLiveTrackTelemetry();
        var services = builder.Services;
        var cluster = BoundOrDefault(() => builder.Configuration.GetSection(LiveTrackClusterOptions.SectionName).Get<LiveTrackClusterOptions>()) ?? new LiveTrackClusterOptions();
        var storage = BoundOrDefault(() => builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()) ?? new StorageOptions();
        var shared = storage.Provider == StorageProvider.PostgreSql;
        if (shared)
        {
            // Fences, rules, alert history, dead letters and the webhook queue in the shared database.
            services.AddSingleton(sp => new PostgreSqlStorage(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ConnectionString!));
            services.AddHostedService<PostgreSqlStorageStartup>();
        }

        // Fences load before the silo starts, so no aircraft is evaluated against an empty index.
        services.AddOptions<GeofenceOptions>().BindConfiguration(GeofenceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IGeofenceStore>(sp => shared ? new PostgreSqlGeofenceStore(sp.GetRequiredService<PostgreSqlStorage>()) : new FileGeofenceStore(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GeofenceOptions>>().Value.StorePath, sp.GetRequiredService<ILogger<FileGeofenceStore>>()));
        services.AddSingleton<GeofenceCatalog>();
        services.AddSingleton<IGeofenceIndexProvider>(sp => sp.GetRequiredService<GeofenceCatalog>());
        services.AddSingleton<ICatalogReplica>(sp => sp.GetRequiredService<GeofenceCatalog>());
        services.AddHostedService(sp => sp.GetRequiredService<GeofenceCatalog>());
        services.AddSingleton<GeofenceChanges>();

        // National airspace from the boundary datasets: imported after the stored fences load, before the rules.
        services.AddOptions<NationalAirspaceOptions>().BindConfiguration(NationalAirspaceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BoundaryDatasets>();
        services.AddSingleton<NationalAirspaceImporter>();
        services.AddHostedService<NationalAirspaceStartup>();

        // Rules load before the silo starts too (after the fences they name).
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IRuleStore>(sp => shared ? new PostgreSqlRuleStore(sp.GetRequiredService<PostgreSqlStorage>()) : new FileRuleStore(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlertOptions>>().Value.RulesPath, sp.GetRequiredService<ILogger<FileRuleStore>>()));
        services.AddSingleton<RuleCatalog>();
        services.AddSingleton<IAlertRuleProvider>(sp => sp.GetRequiredService<RuleCatalog>());
        services.AddSingleton<ICatalogReplica>(sp => sp.GetRequiredService<RuleCatalog>());
        services.AddHostedService(sp => sp.GetRequiredService<RuleCatalog>());
        if (shared)
        {
            services.AddSingleton<IAlertStore, PostgreSqlAlertStore>();
            services.AddSingleton<IDeadLetterStore, PostgreSqlDeadLetterStore>();
        }
        else
        {
            services.AddSingleton<IAlertStore, FileAlertStore>();
            services.AddSingleton<IDeadLetterStore, FileDeadLetterStore>();
        }

        services.AddSingleton<IWebhookDeliveryStore>(sp => shared ? new PostgreSqlWebhookDeliveryStore(sp.GetRequiredService<PostgreSqlStorage>()) : new FileWebhookDeliveryStore(Path.Combine(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlertOptions>>().Value.HistoryPath, "deliveries"), sp.GetRequiredService<ILogger<FileWebhookDeliveryStore>>()));
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<IAlertDelivery>(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        // History before the silo: its writer starts first and stops (flushing what grains queued) after the silo.
        services.AddLiveTrackHistory(builder.Configuration);

        builder.UseOrleans(silo =>
        {
            silo.AddLiveTrackCluster(cluster);
            silo.AddLiveTrackGrains();
            if (cluster.Provider != ClusterProvider.PostgreSql)
            {
                silo.AddLiveTrackEmbeddedState();
            }

            silo.AddActivityPropagation();
        });
        builder.AddLiveTrackIdentity();

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LiveTrackClusterOptions>().BindConfiguration(LiveTrackClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TrackingHubOptions>().BindConfiguration(TrackingHubOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Map.MapOptions>().BindConfiguration(Map.MapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LiveTraffic>();
        services.AddSingleton<ClientSubscriptions>();
        services.AddSingleton<ITrafficObserver, HubTrafficObserver>();
        services.AddHostedService<FrameDispatcher>();

        // One JSON contract (source-generated, camelCase, enums as names) for REST and both hub protocols.
        var hubJson = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HubJson.Configure(hubJson);
        // Hub call failures are logged by HubInvocationLogFilter (client errors at Debug), not by SignalR at Error.
        builder.Logging.AddFilter(HubInvocationLogFilter.DispatcherCategory, LogLevel.Critical);
        services.AddSignalR(o => o.AddFilter<HubInvocationLogFilter>())
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = JsonMessagePackResolver.Options(hubJson));
        services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddLiveTrackOpenApi();
        services.AddOptions<ApiAccessOptions>().BindConfiguration(ApiAccessOptions.SectionName);
        services.AddSingleton<ApiKeys>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var anonymousReads = BoundOrDefault(() => builder.Configuration.GetValue($"{ApiAccessOptions.SectionName}:AnonymousReads", true), fallback: false);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthenticationHandler.WriterPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(ApiKeyAuthenticationHandler.ReaderPolicy, p =>
            {
                if (anonymousReads)
                {
                    p.RequireAssertion(_ => true);
                }
                else
                {
                    p.RequireAuthenticatedUser();
                }
            });
        services.AddHealthChecks().AddCheck<SiloReadyHealthCheck>("silo", tags: ["ready"]);

        // After the silo: feeds start once grains can be called.
        services.AddLiveTrackIngestion(builder.Configuration);

        // Every settings class, nested ones included, validated at start with failures naming their keys.
        services
            .ValidateWithKeys<GeofenceOptions>(GeofenceOptions.SectionName)
            .ValidateWithKeys<AlertOptions>(AlertOptions.SectionName)
            .ValidateWithKeys<LiveTrackClusterOptions>(LiveTrackClusterOptions.SectionName)
            .ValidateWithKeys<StorageOptions>(StorageOptions.SectionName)
            .ValidateWithKeys<TrackingHubOptions>(TrackingHubOptions.SectionName)
            .ValidateWithKeys<Map.MapOptions>(Map.MapOptions.SectionName)
            .ValidateWithKeys<TrackingOptions>(TrackingOptions.SectionName)
            .ValidateWithKeys<FanoutOptions>(FanoutOptions.SectionName)
            .ValidateWithKeys<TelemetryOptions>(TelemetryOptions.SectionName)
            .ValidateWithKeys<IngestionOptions>(IngestionOptions.SectionName)
            .ValidateWithKeys<HistoryOptions>(HistoryOptions.SectionName)
            .ValidateWithKeys<ApiAccessOptions>(ApiAccessOptions.SectionName)
            .ValidateWithKeys<NationalAirspaceOptions>(NationalAirspaceOptions.SectionName)
            .ValidateWithKeys<FeedOptions>(null, name => $"{IngestionOptions.FeedsSectionName}:{name}", sp => sp.GetRequiredService<FeedCatalog>().Names)
            .ValidateAllAtStart();
        return builder;
    }

    /// <summary>
    /// A setting read while the services are composed. When its value cannot be bound the fallback is used and the
    /// start fails anyway, reported with every other problem by the start-up validation (which binds it again).
    /// </summary>
    private static T? BoundOrDefault<T>(Func<T?> bind, T? fallback = default)
    {
        try
        {
            return bind();
        }
        catch (InvalidOperationException ex) when (StartupErrors.Describe(ex).Count > 0)
        {
            return fallback;
        }
    }

    public static WebApplication MapLiveTrack(this WebApplication app)
    {
        // Every setting first, all problems at once: the host would create its hosted services (whose stores read
        // their settings) before its own validation, and so report only the first bad class.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        // A request the server refuses while reading it (a body over Kestrel's limit, a malformed request) keeps its
        // 4xx status and gets a problem body; anything else unhandled is a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Services.GetRequiredService<ApiKeys>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHub<TrackingHub>(TrackingHub.Path).RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        app.MapLiveTrackOpenApi();
        app.MapAircraftApi();
        app.MapFeedsApi();
        app.MapGeofencesApi();
        app.MapNationalAirspaceApi();
        app.MapRulesApi();
        app.MapAlertsApi();
        app.MapHistoryApi();
        app.MapVerdictsApi();
        app.MapImportsApi();
        app.MapMapApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
