using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Hosting;

public static class KeyedOptionsValidationExtensions
{
    /// <summary>
    /// Replaces the plain data-annotation validation of <typeparamref name="T"/> (registered where the options are
    /// added) with <see cref="KeyedDataAnnotationsValidator{T}"/>, which also validates nested options and names the
    /// configuration key of each failure. Other validators of <typeparamref name="T"/> stay.
    /// </summary>
    public static IServiceCollection ValidateWithKeys<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IStartupOptionsCheck, StartupOptionsCheck<T>>();
        return services.ValidateWithKeys<T>(null, _ => section);
    }

    /// <summary>
    /// The same for named options (one per name), e.g. feeds under <c>LiveTrack:Feeds:{name}</c>; with
    /// <paramref name="namesAtStart"/>, each of those names is checked at start with every other class.
    /// </summary>
    public static IServiceCollection ValidateWithKeys<T>(this IServiceCollection services, string? name, Func<string?, string> sectionOf, Func<IServiceProvider, IEnumerable<string>>? namesAtStart = null) where T : class
    {
        if (namesAtStart is not null)
        {
            services.AddSingleton<IStartupOptionsCheck>(new StartupOptionsCheck<T>(namesAtStart));
        }

        foreach (var plain in services.Where(d => d.ServiceType == typeof(IValidateOptions<T>) && d.ImplementationInstance is DataAnnotationValidateOptions<T>).ToList())
        {
            services.Remove(plain);
        }

        services.AddSingleton<IValidateOptions<T>>(new KeyedDataAnnotationsValidator<T>(name, sectionOf));
        return services;
    }

    /// <summary>
    /// Makes the start-up validation report every invalid settings class at once (see
    /// <see cref="AllOptionsStartupValidator"/>), the host's own validator included. Call after every options
    /// registration.
    /// </summary>
    public static IServiceCollection ValidateAllAtStart(this IServiceCollection services)
    {
        var host = services.LastOrDefault(d => d.ServiceType == typeof(IStartupValidator));
        services.RemoveAll<IStartupValidator>();
        services.AddTransient<IStartupValidator>(sp => new AllOptionsStartupValidator(
            sp,
            sp.GetServices<IStartupOptionsCheck>(),
            host?.ImplementationType is { } type ? (IStartupValidator)ActivatorUtilities.CreateInstance(sp, type) : null));
        return services;
    }
}
