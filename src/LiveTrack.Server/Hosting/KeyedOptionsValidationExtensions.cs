using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Hosting;

public static class KeyedOptionsValidationExtensions
{
    /// <summary>
    /// Replaces the plain data-annotation validation of <typeparamref name="T"/> (registered where the options are
    /// added) with <see cref="KeyedDataAnnotationsValidator{T}"/>, which also validates nested options and names the
    /// configuration key of each failure. Other validators of <typeparamref name="T"/> stay.
    /// </summary>
    public static IServiceCollection ValidateWithKeys<T>(this IServiceCollection services, string section) where T : class =>
        services.ValidateWithKeys<T>(null, _ => section);

    /// <summary>The same for named options (one per name), e.g. feeds under <c>LiveTrack:Feeds:{name}</c>.</summary>
    public static IServiceCollection ValidateWithKeys<T>(this IServiceCollection services, string? name, Func<string?, string> sectionOf) where T : class
    {
        foreach (var plain in services.Where(d => d.ServiceType == typeof(IValidateOptions<T>) && d.ImplementationInstance is DataAnnotationValidateOptions<T>).ToList())
        {
            services.Remove(plain);
        }

        services.AddSingleton<IValidateOptions<T>>(new KeyedDataAnnotationsValidator<T>(name, sectionOf));
        return services;
    }
}
