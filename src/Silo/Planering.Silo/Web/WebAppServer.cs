using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Planering.Gateway.Hosting;
using Planering.Gateway.Security;
using Planering.Web.Hosting;

namespace Planering.Silo.Web;

/// <summary>
/// Serves the web app (src/Web/Planering.Web) from the silo process on a Kestrel of its own, by default
/// http://127.0.0.1:5081/. It is a client of this silo's gRPC API like any other (the user's token on every call), not
/// of the grains; the silo only lends it the API's address and, for the local sign-in, the key the API checks tokens
/// with. A port already taken costs the web app only: it is logged and the silo runs on.
/// </summary>
internal sealed partial class WebAppServer(
    WebOptions options,
    AuthOptions auth,
    IConfiguration configuration,
    IServer apiServer,
    ILoggerFactory loggers,
    ILogger<WebAppServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The local sign-in signs with the API's own key; with an identity provider there is no key to lend.
        var tokens = string.IsNullOrEmpty(auth.Authority)
            ? new LocalTokenIssuer(SigningKeys.Resolve(auth, configuration), auth.Issuer, auth.Audience, auth.RoleClaim)
            : null;
        var app = WebAppHost.Build(new WebHostSetup(options, ApiAddress, tokens, loggers));
        try
        {
            await app.StartAsync(cancellationToken);
            _app = app;
            var address = AddressOf(app);
            LogServing(logger, address);
        }
        catch (IOException exception)
        {
            LogNotServed(logger, options.Address, options.Port, exception.Message);
            await app.DisposeAsync();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>The address the web app serves on (its port may have been picked by the system).</summary>
    public string? Address => _app is null ? null : AddressOf(_app);

    /// <summary>This silo's API as a client on this machine reaches it (an API bound to every address is on loopback too).</summary>
    private string ApiAddress()
    {
        var address = apiServer.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the API is not listening yet");
        var uri = new UriBuilder(address);
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            uri.Host = ip.Equals(IPAddress.Any) ? "127.0.0.1" : "[::1]";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

    [LoggerMessage(Level = LogLevel.Information, Message = "Web app (Planering i webbläsaren) on {Address}")]
    private static partial void LogServing(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web app not served on {Address}:{Port} ({Reason}); set Planering:Web:Port, 0 turns it off")]
    private static partial void LogNotServed(ILogger logger, string address, int port, string reason);
}
