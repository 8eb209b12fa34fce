using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Planering.Cli.Errors;
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
        _channel = GrpcChannel.ForAddress(address);

        // Metadata rather than call credentials: the default server speaks h2c on loopback, where gRPC refuses
        // call credentials on an insecure channel, and the header is the same either way.
        _invoker = token is null
            ? _channel.CreateCallInvoker()
            : _channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });
    }

    public string Address { get; }

    public RegistryService.RegistryServiceClient Registry => new(_invoker);

    public SchedulingService.SchedulingServiceClient Scheduling => new(_invoker);

    public ForecastService.ForecastServiceClient Forecast => new(_invoker);

    public PlanningService.PlanningServiceClient Planning => new(_invoker);

    public void Dispose() => _channel.Dispose();
}
