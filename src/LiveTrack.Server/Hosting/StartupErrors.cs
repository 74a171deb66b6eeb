using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Hosting;

/// <summary>Turns the exceptions a bad configuration causes at start into one line per problem.</summary>
public static class StartupErrors
{
    /// <summary>The configuration problems behind <paramref name="exception"/>; empty when it is not one.</summary>
    public static IReadOnlyList<string> Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // The same problem may surface twice (LiveTrack's check of a class, then the host's): say it once.
        return [.. Problems(exception).Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Problems(Exception exception) =>
        exception switch
        {
            OptionsValidationException invalid => invalid.Failures,
            AggregateException many => many.InnerExceptions.SelectMany(Problems),
            // The binder's own message names the key: "Failed to convert configuration value 'x' at 'LiveTrack:…' to type …".
            InvalidOperationException { InnerException: FormatException or OverflowException or ArgumentException } binding
                when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [binding.Message],
            _ => [],
        };
}
