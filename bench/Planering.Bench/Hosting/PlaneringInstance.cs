using Microsoft.Extensions.Logging;
using Planering.TestSupport;

namespace Planering.Bench.Hosting;

/// <summary>
/// The embedded default as a user runs it — one silo, the gRPC API co-hosted, grain state in a SQLite file — started in
/// this process on a temporary file and free loopback ports, so a benchmark measures the real host and leaves nothing
/// behind. The tests' own host (<see cref="PlaneringTestHost"/>), with the seed and the web app as asked and the host's
/// console kept to warnings.
/// </summary>
public sealed class PlaneringInstance : PlaneringTestHost
{
    private PlaneringInstance(bool seed, bool web)
        : base(
            "bench",
            [$"--Planering:Seed:Enabled={seed}"],
            web,
            // A benchmark's console is its report: only warnings and errors from the host belong there.
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning))
    {
    }

    /// <summary>Starts the host on a fresh database; with <paramref name="seed"/> it returns once Sweden is seeded; with <paramref name="web"/> the web app too.</summary>
    public static async Task<PlaneringInstance> StartAsync(bool seed = true, bool web = false)
    {
        var instance = new PlaneringInstance(seed, web);
        try
        {
            await ((PlaneringTestHost)instance).StartAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }
}
