using System.Security.Cryptography;
using System.Text;
using LiveTrack.Server.Geofences;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Hosting;

/// <summary>The accepted keys: configured ones, or one generated for this run (and logged at start).</summary>
public sealed class ApiKeys
{
    private readonly byte[][] keys;

    public ApiKeys(IOptions<ApiAccessOptions> options, ILogger<ApiKeys> logger)
    {
        var configured = options.Value.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (configured.Count == 0)
        {
            var generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            configured.Add(generated);
            GeofenceLog.GeneratedApiKey(logger, generated);
        }
        else
        {
            GeofenceLog.ConfiguredApiKeys(logger, configured.Count, options.Value.AnonymousReads ? "anonymous" : "keyed too");
        }

        keys = [.. configured.Select(Encoding.UTF8.GetBytes)];
    }

    public bool Accepts(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var accepted = false;
        foreach (var key in keys)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return accepted;
    }
}
