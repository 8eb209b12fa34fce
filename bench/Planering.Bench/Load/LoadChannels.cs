using System.Net;
using Grpc.Net.Client;
using Planering.Contracts.Clients;

namespace Planering.Bench.Load;

/// <summary>
/// The client side of a load run: a small pool of channels, each its own HTTP/2 connection, shared by all callers.
/// Talks only to loopback, so a mistyped address cannot turn a benchmark into load on someone else's server.
/// </summary>
public sealed class LoadChannels : IDisposable
{
    private readonly GrpcChannel[] _channels;

    /// <param name="token">Sent with every call (<see cref="BearerChannel"/>); null for a server that asks none.</param>
    public LoadChannels(string address, string? token, int connections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        var uri = new Uri(address);
        if (!IPAddress.TryParse(uri.Host, out var ip) || !ip.Equals(IPAddress.Loopback))
        {
            throw new ArgumentException($"the load generator talks only to 127.0.0.1, not {uri.Host}", nameof(address));
        }

        _channels = Enumerable.Range(0, connections).Select(_ => BearerChannel.ForAddress(uri.ToString(), token, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                // One connection carries at most the server's stream limit (Kestrel: 100) at once; beyond it calls would
                // queue inside the client and be measured as server latency. Extra connections open instead.
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
        })).ToArray();
    }

    public int Count => _channels.Length;

    /// <summary>The channel a caller uses: callers are spread evenly over the connections.</summary>
    public GrpcChannel For(int caller) => _channels[caller % _channels.Length];

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
