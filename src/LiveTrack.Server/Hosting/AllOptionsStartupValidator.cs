using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Hosting;

/// <summary>
/// Validates every settings class at start and reports all their problems together, where the host's own start-up
/// validation stops at the first value that cannot be bound (<c>FrameInterval=soon</c>) and hides the others. Each
/// class registered with <see cref="KeyedOptionsValidationExtensions.ValidateWithKeys{T}(IServiceCollection, string)"/>
/// is created (bound and validated) on its own; then the host's validator runs for whatever else asked for
/// <c>ValidateOnStart</c> (named feed options). Problems seen twice are reported once (<see cref="StartupErrors"/>).
/// </summary>
internal sealed class AllOptionsStartupValidator(IServiceProvider services, IEnumerable<IStartupOptionsCheck> checks, IStartupValidator? host) : IStartupValidator
{
    public void Validate()
    {
        var failures = new List<Exception>();
        foreach (var check in checks)
        {
            Collect(failures, () => check.Run(services));
        }

        if (host is not null)
        {
            Collect(failures, host.Validate);
        }

        switch (failures.Count)
        {
            case 0:
                return;
            case 1:
                throw failures[0];
            default:
                throw new AggregateException(failures);
        }
    }

    private static void Collect(List<Exception> failures, Action validate)
    {
        try
        {
            validate();
        }
        catch (Exception ex) when (StartupErrors.Describe(ex).Count > 0)
        {
            failures.Add(ex);
        }
    }
}
