using System.Text.Json;
using System.Text.Json.Serialization;
using LiveTrack.Server.Apis;

namespace LiveTrack.Server.Hosting;

/// <summary>The JSON contract of the hub's payloads, shared by its JSON and MessagePack protocols.</summary>
public static class HubJson
{
    /// <summary>Web defaults, enums as names, the source-generated <see cref="ApiJsonContext"/> first.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        options.Converters.Add(new JsonStringEnumConverter());
    }
}
