using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Planering.Gateway.Hosting;

/// <summary>States plainly, once the host has started, where the gRPC API answers and how to call it.</summary>
public static partial class ApiAddress
{
    public static void Log(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Planering.Api");
        foreach (var address in addresses)
        {
            LogListening(logger, address);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planering gRPC API on {Address} (HTTP/2 without TLS; a token from mint-token on every call but health and reflection)")]
    private static partial void LogListening(ILogger logger, string address);
}
