using System.Diagnostics;
using Planering.Silo;

namespace Planering.Gateway.Tests;

/// <summary>The real silo program (<c>dotnet Planering.Silo.dll …</c>) as a user starts it: its own process, working directory and environment.</summary>
internal static class HostProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunSiloAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(PlaneringHost).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the silo ({string.Join(' ', args)}) did not exit within 2 minutes");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
