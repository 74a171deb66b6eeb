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
            case FeedType.SbsClient or FeedType.BeastClient or FeedType.AvrClient:
                if (string.IsNullOrWhiteSpace(options.Host))
                {
                    errors.Add($"{key}:Host is required for an {options.Type} feed.");
                }

                if (options.Port is < 1 or > 65535)
                {
                    errors.Add($"{key}:Port must be between 1 and 65535 for an {options.Type} feed.");
                }

                if (options.ReconnectDelay <= TimeSpan.Zero || options.MaxReconnectDelay < options.ReconnectDelay)
                {
                    errors.Add($"{key}:ReconnectDelay must be positive and not above MaxReconnectDelay.");
                }

                break;
            case FeedType.SbsListener or FeedType.BeastListener or FeedType.AvrListener:
                if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
                {
                    errors.Add($"{key}:BindAddress '{options.BindAddress}' is not an IP address.");
                }

                if (options.Port is < 0 or > 65535)
                {
                    errors.Add($"{key}:Port must be between 0 and 65535 for an {options.Type} feed.");
                }

                if (options.IdleTimeout < TimeSpan.FromMilliseconds(100))
                {
                    errors.Add($"{key}:IdleTimeout must be at least 00:00:00.100.");
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
            case FeedType.AircraftJson:
                if ((options.Url is null) == string.IsNullOrWhiteSpace(options.Path))
                {
                    errors.Add($"{key}: an AircraftJson feed needs exactly one of Url or Path.");
                }

                CheckPolling(key, options, TimeSpan.FromMilliseconds(200), errors);
                break;
            case FeedType.OpenSky:
                if (options.Area is not null && !LiveTrack.Geo.BoundingBox.TryParse(options.Area, out _, out var areaError))
                {
                    errors.Add($"{key}:Area: {areaError}.");
                }

                if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
                {
                    errors.Add($"{key}: ClientId and ClientSecret go together (both for OAuth2, neither for anonymous access).");
                }

                CheckPolling(key, options, TimeSpan.FromSeconds(1), errors);
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

        if (options.ReceiverLatitude.HasValue != options.ReceiverLongitude.HasValue)
        {
            errors.Add($"{key}: ReceiverLatitude and ReceiverLongitude go together.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckPolling(string key, FeedOptions options, TimeSpan minimum, List<string> errors)
    {
        if (options.Url is { IsAbsoluteUri: false } || options.Url is { Scheme: not ("http" or "https") })
        {
            errors.Add($"{key}:Url must be an absolute http or https URL.");
        }

        if (options.PollInterval is { } poll && poll < minimum)
        {
            errors.Add($"{key}:PollInterval must be at least {minimum}.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{key}:RequestTimeout must be positive.");
        }

        if (options.ReconnectDelay <= TimeSpan.Zero || options.MaxReconnectDelay < options.ReconnectDelay)
        {
            errors.Add($"{key}:ReconnectDelay must be positive and not above MaxReconnectDelay.");
        }
    }
}
