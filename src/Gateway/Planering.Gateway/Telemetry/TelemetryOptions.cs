using OpenTelemetry.Exporter;

namespace Planering.Gateway.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs (section <c>Planering:Telemetry</c>). Nothing is collected unless an exporter
/// is configured, so the embedded default pays nothing for it.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Planering:Telemetry";

    /// <summary>An OTLP collector, e.g. <c>http://127.0.0.1:4317</c>; empty: no export (env <c>Planering__Telemetry__OtlpEndpoint</c>).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318) (env <c>Planering__Telemetry__OtlpProtocol</c>).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Also write traces and metrics to the console, for a look without a collector (env <c>Planering__Telemetry__Console</c>).</summary>
    public bool Console { get; set; }

    /// <summary>The <c>service.name</c> resource attribute; empty: <c>planering-silo</c> or <c>planering-gateway</c> (env <c>Planering__Telemetry__ServiceName</c>).</summary>
    public string? ServiceName { get; set; }

    public bool Exports => !string.IsNullOrWhiteSpace(OtlpEndpoint) || Console;

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"{Section}:OtlpEndpoint '{OtlpEndpoint}' must be an http:// or https:// URL";
        }

        if (!Enum.IsDefined(OtlpProtocol))
        {
            yield return $"{Section}:OtlpProtocol must be {string.Join(" or ", Enum.GetNames<OtlpExportProtocol>())}";
        }
    }
}
