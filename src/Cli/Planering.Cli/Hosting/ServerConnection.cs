using Grpc.Net.Client;
using Planering.Cli.Errors;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;

namespace Planering.Cli.Hosting;

/// <summary>One channel to the server for one command, with the bearer token on every call when one is given.</summary>
public sealed class ServerConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public ServerConnection(string server, string? token)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new InputException("--server", $"'{server}' is not an http:// or https:// address");
        }

        Address = server;
        _channel = BearerChannel.ForAddress(address.ToString(), token);
    }

    public string Address { get; }

    public RegistryService.RegistryServiceClient Registry => new(_channel);

    public SchedulingService.SchedulingServiceClient Scheduling => new(_channel);

    public ForecastService.ForecastServiceClient Forecast => new(_channel);

    public PlanningService.PlanningServiceClient Planning => new(_channel);

    public void Dispose() => _channel.Dispose();
}
