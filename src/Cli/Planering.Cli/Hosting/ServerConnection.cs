using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Planering.Cli.Errors;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;

namespace Planering.Cli.Hosting;

/// <summary>One channel to the server for one command, with the bearer token on every call when one is given.</summary>
public sealed class ServerConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly CallInvoker _invoker;

    public ServerConnection(string server, string? token)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new InputException("--server", $"'{server}' is not an http:// or https:// address");
        }

        Address = server;
        _channel = BearerChannel.ForAddress(address.ToString(), token);

        // Every command honours the server's RetryInfo (the rate limit's delay), so a long import slows down instead of failing.
        _invoker = _channel.Intercept(new RetryInfoBackoff());
    }

    public string Address { get; }

    public RegistryService.RegistryServiceClient Registry => new(_invoker);

    public SchedulingService.SchedulingServiceClient Scheduling => new(_invoker);

    public ForecastService.ForecastServiceClient Forecast => new(_invoker);

    public PlanningService.PlanningServiceClient Planning => new(_invoker);

    public void Dispose() => _channel.Dispose();
}
