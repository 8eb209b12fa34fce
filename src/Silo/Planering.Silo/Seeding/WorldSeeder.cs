using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Registry;

namespace Planering.Silo.Seeding;

/// <summary>
/// Seeds an empty installation with the Swedish world at start, before the API opens. It is idempotent: a completed
/// seed is recorded in <see cref="IWorldSeedGrain"/> and never repeated, so later changes by users are kept; a seed
/// cut off half-way is simply run again (every step is an upsert of the same values).
/// </summary>
public sealed partial class WorldSeeder(IGrainFactory grains, ILogger<WorldSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var marker = grains.GetGrain<IWorldSeedGrain>(GrainKeys.Sweden);
        if (await marker.GetSeededVersionAsync() >= WorldSeed.Version)
        {
            return;
        }

        var started = TimeProvider.System.GetTimestamp();
        var geography = SwedishGeography.Sweden;

        // Offices first, so every huvudman is placed with an office when it arrives.
        foreach (var (profile, advisors) in WorldSeed.Offices(geography))
        {
            var office = grains.GetGrain<IRegionalOfficeGrain>(profile.OfficeId);
            await office.UpsertAsync(new OfficeUpsert(profile.Name, profile.Kommunkod, GeoPoint.From(profile.Position), profile.Opened));
            await office.SetStaffingAsync(advisors.Select(a => new AdvisorRecord(a.AdvisorId, a.Name, a.Fte, a.WorkingDays.Order().ToList(), [])).ToList());
        }

        // A few at a time: every upsert writes the huvudman, its kommun's shard and its placement, and SQLite takes one
        // writer at a time, so more in flight only makes each call wait longer (16 at once on a loaded 2-core machine
        // pushed single upserts past the 10 s call timeout with the 2,943 seeded huvudmän). A call that times out anyway
        // is simply made again: every step is an upsert of the same values.
        var huvudman = WorldSeed.Huvudman(geography);
        await Parallel.ForEachAsync(
            huvudman,
            new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken },
            async (h, _) =>
            {
                var upsert = new HuvudmanUpsert(h.Name, h.Type, h.Kommunkod, GeoPoint.From(h.Position), h.Pupils, h.Synthetic, h.OrganisationNumberSynthetic);
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await grains.GetGrain<IHuvudmanGrain>(h.OrganisationNumber.Value).UpsertAsync(upsert);
                        return;
                    }
                    catch (TimeoutException timeout) when (attempt < SeedAttempts)
                    {
                        LogSeedRetry(logger, h.OrganisationNumber.Value, attempt, timeout);
                    }
                }
            });

        // Huvudmän arrive at their nearest office; one re-solve balances the load before the API opens.
        await grains.GetGrain<IPlanningGrain>(GrainKeys.Sweden).RebalanceAsync(cancellationToken);
        await marker.MarkSeededAsync(WorldSeed.Version);
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        LogSeeded(logger, geography.Offices.Count, huvudman.Count, seconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Huvudman upserts in flight while seeding.</summary>
    private const int SeedParallelism = 4;

    /// <summary>Tries per huvudman before the seed gives up (and the next start seeds again).</summary>
    private const int SeedAttempts = 3;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding huvudman {Huvudman} timed out (attempt {Attempt}); trying again")]
    private static partial void LogSeedRetry(ILogger logger, string huvudman, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the Swedish world: {Offices} offices, {Huvudman} huvudmän in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, int offices, int huvudman, double seconds);
}
