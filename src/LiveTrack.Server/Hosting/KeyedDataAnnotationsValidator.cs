using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Hosting;

/// <summary>
/// Data-annotation validation of an options class and every options object nested in it (e.g.
/// <c>LiveTrack:Alerts:Webhooks</c>), with each failure naming its configuration key:
/// <c>LiveTrack:Alerts:Webhooks:MaxConcurrent: The field MaxConcurrent must be between 1 and 10000.</c>
/// </summary>
/// <param name="only">The options name validated; null for every name.</param>
/// <param name="sectionOf">The configuration section of the options of a name.</param>
public sealed class KeyedDataAnnotationsValidator<T>(string? only, Func<string?, string> sectionOf) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (only is not null && only != name)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        Check(options, sectionOf(name), failures, depth: 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object options, string key, List<string> failures, int depth)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
                foreach (var member in members)
                {
                    failures.Add($"{key}{(member.Length > 0 ? ":" + member : string.Empty)}: {result.ErrorMessage}");
                }
            }
        }

        if (depth >= 8)
        {
            return;
        }

        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && IsOptionsClass(property.PropertyType) && property.GetValue(options) is { } nested)
            {
                Check(nested, $"{key}:{property.Name}", failures, depth + 1);
            }
        }
    }

    /// <summary>A nested settings object of our own (not a string, collection, URI or framework type).</summary>
    private static bool IsOptionsClass(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("LiveTrack", StringComparison.Ordinal) == true;
}
