using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Planering.Bench.Fault;

/// <summary>
/// One silo as an operator runs it: the Planering.Silo build beside the bench, in a process of its own, so that it can
/// die the way only a process can (SIGKILL), or stop as a service manager stops it (SIGTERM). Restarted with the same
/// command line and the same ports.
/// </summary>
internal sealed class SiloNode : IAsyncDisposable
{
    private const int KeptOutputLines = 300;

    private readonly IReadOnlyList<string> _arguments;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public SiloNode(string name, IReadOnlyList<string> arguments, int siloPort, int apiPort)
    {
        Name = name;
        _arguments = arguments;
        SiloPort = siloPort;
        ApiAddress = $"http://127.0.0.1:{apiPort}";
    }

    public string Name { get; }

    /// <summary>The silo-to-silo port: with 127.0.0.1 it names the silo in the membership table.</summary>
    public int SiloPort { get; }

    public string ApiAddress { get; }

    public void Start()
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Planering.Silo.dll"));
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start silo {Name}");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until the silo's co-hosted API answers its gRPC health check SERVING (it serves after joining the cluster).</summary>
    public async Task WaitServingAsync(TimeSpan patience)
    {
        using var channel = GrpcChannel.ForAddress(ApiAddress);
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow + patience;
        while (_process is { HasExited: false } && DateTime.UtcNow < deadline)
        {
            try
            {
                var answer = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException)
            {
                // Not listening yet, or the cluster not yet answering.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new InvalidOperationException(
            $"silo {Name} did not serve within {patience.TotalSeconds:F0} s (exited: {_process?.HasExited}); its last output:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
    }

    /// <summary>SIGKILL: the process ends at once; it neither leaves the membership nor hands anything over.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as systemd or Docker stops a service: the silo shuts down gracefully and exits.</summary>
    public async Task TerminateAsync(TimeSpan patience)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        await process.WaitForExitAsync(timeout.Token);
    }

    public string LastOutput(int lines) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>The dotnet host (named in DOTNET_HOST_PATH by the CLI, else on PATH), so the silo runs on the bench's runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";
}
