using Grpc.Core;
using Grpc.Net.Client;

namespace Planering.Contracts.Clients;

/// <summary>
/// A channel to the Planering API that sends a bearer token (from <c>mint-token</c> or the identity provider) with
/// every call, as the API requires for everything but health and reflection.
/// </summary>
public static class BearerChannel
{
    /// <param name="address">The API, e.g. <c>http://127.0.0.1:5080</c> (h2c) or an https address.</param>
    /// <param name="token">The token; null or empty gives a channel without one.</param>
    public static GrpcChannel ForAddress(string address, string? token, GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        if (string.IsNullOrEmpty(token))
        {
            return GrpcChannel.ForAddress(address, options);
        }

        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        var secure = address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        options.Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, bearer);

        // The embedded default speaks h2c on loopback; a token over plain HTTP is as safe as that network.
        options.UnsafeUseInsecureChannelCallCredentials = !secure;
        return GrpcChannel.ForAddress(address, options);
    }
}
