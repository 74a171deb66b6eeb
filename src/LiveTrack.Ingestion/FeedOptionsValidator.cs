using Microsoft.Extensions.Options;

namespace LiveTrack.Ingestion;

/// <summary>Checks each named feed's settings so a bad configuration fails at start, naming the key.</summary>
internal sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        var key = $"{IngestionOptions.FeedsSectionName}:{name}";
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Type))
        {
            errors.Add($"{key}:Type must be one of {string.Join(", ", Enum.GetNames<FeedType>())}.");
        }

        switch (options.Type)
        {
            case FeedType.SbsClient:
                if (string.IsNullOrWhiteSpace(options.Host))
                {
                    errors.Add($"{key}:Host is required for an SbsClient feed.");
                }

                if (options.Port is < 1 or > 65535)
                {
                    errors.Add($"{key}:Port must be between 1 and 65535 for an SbsClient feed.");
                }

                if (options.ReconnectDelay <= TimeSpan.Zero || options.MaxReconnectDelay < options.ReconnectDelay)
                {
                    errors.Add($"{key}:ReconnectDelay must be positive and not above MaxReconnectDelay.");
                }

                break;
            case FeedType.SbsListener:
                if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
                {
                    errors.Add($"{key}:BindAddress '{options.BindAddress}' is not an IP address.");
                }

                if (options.Port is < 0 or > 65535)
                {
                    errors.Add($"{key}:Port must be between 0 and 65535 for an SbsListener feed.");
                }

                break;
            case FeedType.SbsReplay:
                if (string.IsNullOrWhiteSpace(options.Path))
                {
                    errors.Add($"{key}:Path is required for an SbsReplay feed.");
                }

                if (options.Speed is <= 0 or > 10_000)
                {
                    errors.Add($"{key}:Speed must be above 0 and at most 10000.");
                }

                break;
            case FeedType.Simulator:
                if (options.Aircraft is < 0 or > 100_000)
                {
                    errors.Add($"{key}:Aircraft must be between 0 and 100000.");
                }

                if (options.Interval < TimeSpan.FromMilliseconds(50))
                {
                    errors.Add($"{key}:Interval must be at least 00:00:00.050.");
                }

                break;
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
