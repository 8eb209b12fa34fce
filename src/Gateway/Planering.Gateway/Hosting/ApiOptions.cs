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

    /// <summary>
    /// The port of the HTTP/JSON API (gRPC JSON transcoding, HTTP/1.1 without TLS; docs/http-api.md) on the same address
    /// (env <c>Planering__Api__HttpPort</c>). Unset: the gRPC port + 10 (5090 beside 5080), so every process of the
    /// cluster topology on one machine gets its own; none when the gRPC port is 0 (a free port, as tests ask). -1 turns
    /// it off; 0 picks a free port.
    /// </summary>
    public int? HttpPort { get; set; }

    /// <summary>The HTTP/JSON port to bind, or null for none.</summary>
    public int? EffectiveHttpPort => HttpPort switch
    {
        null => Port == 0 ? null : Port + 10,
        -1 => null,
        var port => port,
    };

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

        if (HttpPort is < -1 or > 65535 || (HttpPort is null && Port is > 65525 and <= 65535))
        {
            yield return $"{Section}:HttpPort {HttpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"(unset: {Port} + 10)"} is not a TCP port (0–65535; 0 picks a free one, -1 turns the HTTP/JSON API off)";
        }

        if (HttpPort is > 0 && HttpPort == Port)
        {
            yield return $"{Section}:HttpPort {HttpPort} is the gRPC port too; give the HTTP/JSON API a port of its own";
        }

        if (MaxReceiveMessageBytes is < 1024 or > 64 * 1024 * 1024)
        {
            yield return $"{Section}:MaxReceiveMessageBytes {MaxReceiveMessageBytes} must be between 1024 (1 KiB) and 67108864 (64 MiB)";
        }
    }
}
