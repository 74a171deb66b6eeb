using LiveTrack.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LiveTrack.ServiceDefaults;

/// <summary>
/// Wires OpenTelemetry for a LiveTrack host, in one place: traces, metrics and logs; LiveTrack's source and meter;
/// Orleans' sources and meter; ASP.NET Core, SignalR, HttpClient and runtime instrumentation. Export follows the
/// standard variables: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c>…), <c>OTEL_SERVICE_NAME</c> and <c>OTEL_RESOURCE_ATTRIBUTES</c> for the resource,
/// <c>OTEL_TRACES_SAMPLER</c>/<c>_ARG</c> to replace LiveTrack's sampler. The silo must also call Orleans'
/// <c>AddActivityPropagation()</c> so traces cross grain calls.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>Orleans' activity sources for application grain calls and runtime calls.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    /// <summary>ASP.NET Core's SignalR hub-invocation source (.NET 9 and later).</summary>
    public const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    /// <summary>HttpClient's built-in source and meter (.NET 9 and later): webhook and feed-poll requests.</summary>
    public const string HttpClientSource = "System.Net.Http";

    public static TBuilder AddLiveTrackTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton<LiveTrackMetrics>();

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var standardSampler = !string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (options.Console)
            {
                logging.AddConsoleExporter();
            }
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win: only name the service when they do not.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("livetrack", serviceVersion: typeof(TelemetryHosting).Assembly.GetName().Version?.ToString(3), autoGenerateServiceInstanceId: true);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(LiveTrackDiagnostics.SourceName)
                    .AddSource(OrleansSources)
                    .AddSource(SignalRSource)
                    .AddSource(HttpClientSource)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal));
                if (!standardSampler)
                {
                    tracing.SetSampler(new LiveTrackSampler(options.SampleRatio));
                }

                if (options.Console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(LiveTrackDiagnostics.SourceName)
                    .AddMeter("Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.SignalR.Server")
                    .AddMeter(HttpClientSource)
                    .AddRuntimeInstrumentation();
                if (options.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
