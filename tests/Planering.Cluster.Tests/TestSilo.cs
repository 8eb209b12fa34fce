using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace Planering.Cluster.Tests;

/// <summary>
/// What the tests change in a silo beyond the product's own settings, and only for the tests:
/// <list type="bullet">
/// <item>a fatal error handler that stops the one silo instead of Orleans' default <c>Environment.FailFast</c>, which
/// would take the whole test process (every silo, gateway and test) with it.</item>
/// </list>
/// </summary>
internal static class TestSilo
{
    public static void Configure(WebApplicationBuilder builder)
    {
        // Failure detection is the product's own (Planering:Cluster:ProbeTimeout and MissedProbesLimit), as in production.
        // Registered before UseOrleans adds its default (TryAdd), so this one is used.
        builder.Services.AddSingleton<FatalErrors>();
        builder.Services.AddSingleton<IFatalErrorHandler, StopSiloOnFatalError>();
    }

    /// <summary>The fatal errors a silo reported, such as "I have been declared dead"; a healthy run has none.</summary>
    public sealed class FatalErrors
    {
        public ConcurrentQueue<string> Reports { get; } = new();
    }

    private sealed class StopSiloOnFatalError(FatalErrors errors, IServiceProvider services) : IFatalErrorHandler
    {
        private int _stopping;

        public bool IsUnexpected(Exception exception) => exception is not ThreadAbortException;

        public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
        {
            errors.Reports.Enqueue($"{context} {exception?.Message}");
            if (Interlocked.Exchange(ref _stopping, 1) == 0)
            {
                // As Orleans' own test host does: this silo stops, the process and the other silos carry on.
                _ = Task.Run(() => services.GetRequiredService<IHost>().StopAsync());
            }
        }
    }
}
