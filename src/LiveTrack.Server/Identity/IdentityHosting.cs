using LiveTrack.Identity;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Identity;

public static class IdentityHosting
{
    /// <summary>
    /// Replaces the silo's address-only identity provider with one that also reads the configured aircraft
    /// database files, loaded once before the feeds start.
    /// </summary>
    public static WebApplicationBuilder AddLiveTrackIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("LiveTrack.Identity");
            var paths = sp.GetRequiredService<IOptions<IdentityOptions>>().Value.Databases.Select(p => Path.Combine(environment.ContentRootPath, p));
            var database = AircraftDatabase.Load(paths);
            foreach (var file in database.Files)
            {
                IdentityLog.DatabaseLoaded(logger, file.Path, file.Layout, file.Rows, file.Entries, file.Malformed);
            }

            return new AircraftIdentityProvider(database);
        });
        services.AddSingleton<IAircraftIdentityProvider>(sp => sp.GetRequiredService<AircraftIdentityProvider>());
        services.AddHostedService<AircraftDatabaseLoader>();
        return builder;
    }

    /// <summary>Loads the database at start (before the feeds), so no aircraft is created without it.</summary>
    private sealed class AircraftDatabaseLoader(AircraftIdentityProvider provider) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(provider.Database.Count);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class IdentityOptionsValidator(IHostEnvironment environment) : IValidateOptions<IdentityOptions>
    {
        public ValidateOptionsResult Validate(string? name, IdentityOptions options)
        {
            var missing = options.Databases
                .Select((path, i) => (path, i))
                .Where(p => string.IsNullOrWhiteSpace(p.path) || !File.Exists(Path.Combine(environment.ContentRootPath, p.path)))
                .Select(p => $"{IdentityOptions.SectionName}:Databases:{p.i}: file '{p.path}' not found.")
                .ToList();
            return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
        }
    }
}

internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Aircraft database {Path} ({Layout}): {Rows} rows, {Entries} entries, {Malformed} malformed rows skipped")]
    public static partial void DatabaseLoaded(ILogger logger, string path, AircraftDatabaseLayout layout, long rows, long entries, long malformed);
}
