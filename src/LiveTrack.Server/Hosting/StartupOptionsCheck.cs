using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Hosting;

/// <summary>
/// Binds and validates <typeparamref name="T"/>, unnamed or (with <paramref name="namesOf"/>) each of its names;
/// throws what binding or validation throws, all names' problems together.
/// </summary>
internal sealed class StartupOptionsCheck<T>(Func<IServiceProvider, IEnumerable<string>>? namesOf = null) : IStartupOptionsCheck where T : class
{
    public void Run(IServiceProvider services)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<T>>();
        if (namesOf is null)
        {
            _ = monitor.CurrentValue;
            return;
        }

        var failures = new List<Exception>();
        foreach (var name in namesOf(services))
        {
            try
            {
                _ = monitor.Get(name);
            }
            catch (Exception ex) when (StartupErrors.Describe(ex).Count > 0)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException(failures);
        }
    }
}
