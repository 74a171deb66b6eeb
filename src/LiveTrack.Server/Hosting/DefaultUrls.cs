namespace LiveTrack.Server.Hosting;

public static class DefaultUrls
{
    /// <summary>
    /// Listens on <paramref name="urls"/> only when nothing else says where: <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, a <c>Urls</c> setting or <c>Kestrel:Endpoints</c> all win. (A
    /// <c>Urls</c> in appsettings.json would override <c>ASPNETCORE_URLS</c>, which is host configuration.)
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrls(this WebApplicationBuilder builder, string urls)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(urls);
        }

        return builder;
    }
}
