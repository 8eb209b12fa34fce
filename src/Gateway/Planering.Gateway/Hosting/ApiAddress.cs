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
        // The gRPC endpoint is bound first (GatewaySetup); a second one is the HTTP/JSON API.
        foreach (var (address, index) in addresses.Select((a, i) => (a, i)))
        {
            if (index == 0)
            {
                LogListening(logger, address);
            }
            else
            {
                LogHttpListening(logger, address, Http.OpenApiDocument.Path);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planering gRPC API on {Address} (HTTP/2 without TLS; a token from mint-token on every call but health and reflection)")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planering HTTP/JSON API on {Address} (HTTP/1.1, the same token and roles; OpenAPI document at {Path})")]
    private static partial void LogHttpListening(ILogger logger, string address, string path);
}
