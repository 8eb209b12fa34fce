using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using Planering.TestSupport;

namespace Planering.Cluster.Tests;

/// <summary>
/// A silo in a process of its own, started from the Planering.Silo build that sits beside the tests, exactly as an
/// operator starts one, so that it can die the way only a process can: SIGKILL, no shutdown code at all. An in-process
/// host cannot do that: disposing it runs Orleans' non-graceful stop, which still writes the silo Dead in the membership
/// table and keeps answering probes until it has; a killed process leaves its entry Active, drops its connections, and
/// the other silos must find out by probing it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, int siloPort, int apiPort)
    {
        _process = process;
        SiloPort = siloPort;
        Channel = BearerChannel.ForAddress($"http://127.0.0.1:{apiPort}", Node.Token);
        Registry = new RegistryService.RegistryServiceClient(Channel);
    }

    /// <summary>The silo-to-silo port, which names the silo in the membership (with the loopback address).</summary>
    public int SiloPort { get; }

    /// <summary>The silo's co-hosted API. A grain first called through it is placed on this silo, all else being equal.</summary>
    public GrpcChannel Channel { get; }

    public RegistryService.RegistryServiceClient Registry { get; }

    /// <summary>Starts the silo; it joins <paramref name="clusterId"/> on its own (wait for it through another node's membership).</summary>
    public static SiloProcess Start(string connectionString, string clusterId)
    {
        var (siloPort, apiPort) = (FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Planering.Silo.dll"));
        foreach (var argument in Node.SiloArguments(connectionString, ClusterMode.AdoNet, clusterId, seed: false, siloPort, apiPort))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the silo process");
        var silo = new SiloProcess(process, siloPort, apiPort);
        process.OutputDataReceived += (_, line) => silo.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>
    /// Polls the silo's API until it answers, for at most <paramref name="patience"/>. Kestrel starts after the silo has
    /// joined the cluster, so an answer also means the silo is Active.
    /// </summary>
    public async Task WaitForApiAsync(TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!_process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                await Registry.ListOfficesAsync(new ListOfficesRequest(), deadline: deadline);
                return;
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        throw new InvalidOperationException(
            $"the silo process did not serve its API within {patience.TotalSeconds:F0} s (exited: {_process.HasExited}); its last output:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await KillAsync();
        _process.Dispose();
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

    /// <summary>The dotnet host running the tests (the CLI names it in DOTNET_HOST_PATH), so the silo runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }
}
