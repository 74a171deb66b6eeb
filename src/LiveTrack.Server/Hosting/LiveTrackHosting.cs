using System.Net;
using System.Text.Json.Serialization;
using LiveTrack.Server.Apis;
using LiveTrack.Grains;
using LiveTrack.Server.Tracking;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

namespace LiveTrack.Server.Hosting;

public static class LiveTrackHosting
{
    /// <summary>The silo (with LiveTrack's grains), the hub, the REST API and the feeds.</summary>
    public static WebApplicationBuilder AddLiveTrack(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var cluster = builder.Configuration.GetSection(LiveTrackClusterOptions.SectionName).Get<LiveTrackClusterOptions>() ?? new LiveTrackClusterOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: cluster.SiloPort,
                gatewayPort: cluster.GatewayPort,
                primarySiloEndpoint: cluster.PrimarySiloPort is { } primary ? new IPEndPoint(IPAddress.Loopback, primary) : null,
                serviceId: cluster.ServiceId,
                clusterId: cluster.ClusterId);
            silo.AddLiveTrackGrains();
        });

        services.AddOptions<LiveTrackClusterOptions>().BindConfiguration(LiveTrackClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TrackingHubOptions>().BindConfiguration(TrackingHubOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LiveTraffic>();
        services.AddSingleton<ClientSubscriptions>();
        services.AddSingleton<ITrafficObserver, HubTrafficObserver>();
        services.AddHostedService<FrameDispatcher>();

        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<SiloReadyHealthCheck>("silo", tags: ["ready"]);

        // After the silo: feeds start once grains can be called.
        services.AddLiveTrackIngestion(builder.Configuration);
        return builder;
    }

    public static WebApplication MapLiveTrack(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHub<TrackingHub>("/hubs/tracking");
        app.MapAircraftApi();
        app.MapFeedsApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
