namespace LiveTrack.Server.Hosting;

/// <summary>One settings class to bind and validate at start (see <see cref="AllOptionsStartupValidator"/>).</summary>
internal interface IStartupOptionsCheck
{
    void Run(IServiceProvider services);
}
