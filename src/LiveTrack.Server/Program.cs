using LiveTrack.Server.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.UseDefaultUrls("http://127.0.0.1:5080");
    builder.AddLiveTrack();

    // A failed start is reported below (one line per configuration problem) or rethrown: the host's own log of it
    // would only repeat it with a stack trace.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

    var app = builder.Build();
    app.MapLiveTrack();
    app.Run();
    return 0;
}
catch (Exception ex) when (StartupErrors.Describe(ex) is { Count: > 0 } problems)
{
    // A bad setting is the operator's to fix: one line per problem, naming the key, and no stack trace.
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"Invalid configuration: {problem}");
    }

    return 2;
}

/// <summary>Entry point, public for functional tests.</summary>
public partial class Program;
