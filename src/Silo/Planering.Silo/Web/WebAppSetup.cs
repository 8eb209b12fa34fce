using Planering.Gateway.Hosting;
using Planering.Web.Hosting;

namespace Planering.Silo.Web;

/// <summary>Wires the co-hosted web app into the silo (section <c>Planering:Web</c>; port 0 turns it off).</summary>
public static class WebAppSetup
{
    public static WebApplicationBuilder AddPlaneringWeb(this WebApplicationBuilder builder, ApiOptions api)
    {
        var options = OptionsCheck.Read<WebOptions>(builder.Configuration, WebOptions.Section, o => o.Problems().Concat(
            o.Port != 0 && o.Port == api.Port ? [$"{WebOptions.Section}:Port must differ from Planering:Api:Port"] : []));
        if (options.Port == 0)
        {
            return builder;
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WebAppServer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebAppServer>());
        return builder;
    }

    /// <summary>The web app's address once the host has started; null when it is off or its port was taken.</summary>
    public static string? WebAddress(this IServiceProvider services) => services.GetService<WebAppServer>()?.Address;
}
