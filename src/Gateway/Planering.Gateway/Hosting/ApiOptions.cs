using System.Net;

namespace Planering.Gateway.Hosting;

/// <summary>Where the gRPC API listens (section <c>Planering:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Planering:Api";

    /// <summary>The address to bind; loopback by default (env <c>Planering__Api__Address</c>).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The port, HTTP/2 without TLS (h2c); 0 picks a free port (env <c>Planering__Api__Port</c>).</summary>
    public int Port { get; set; } = 5080;

    /// <summary>The largest request message accepted, in bytes (env <c>Planering__Api__MaxReceiveMessageBytes</c>).</summary>
    public int MaxReceiveMessageBytes { get; set; } = 4 * 1024 * 1024;

    public IEnumerable<string> Problems()
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            yield return $"{Section}:Address '{Address}' is not an IP address";
        }

        if (Port is < 0 or > 65535)
        {
            yield return $"{Section}:Port {Port} is not a TCP port (0–65535; 0 picks a free one)";
        }

        if (MaxReceiveMessageBytes is < 1024 or > 64 * 1024 * 1024)
        {
            yield return $"{Section}:MaxReceiveMessageBytes {MaxReceiveMessageBytes} must be between 1024 (1 KiB) and 67108864 (64 MiB)";
        }
    }
}
