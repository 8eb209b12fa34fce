using Microsoft.Extensions.Logging;
using Planering.Domain.Errors;
using Planering.Domain.Forecasting;
using Planering.Grains.Planning;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Forecasting;

/// <summary>
/// One forecast run, the same for the live forecast (<see cref="ForecastGrain"/>) and a request's own
/// (<see cref="ForecastQueryGrain"/>): read the world, the planning parameters and the school calendars, run the
/// Monte Carlo off the grain scheduler, map the result.
/// </summary>
internal static partial class ForecastRun
{
    public static async Task<ForecastRecord> ComputeAsync(
        IGrainFactory grains, TimeProvider clock, ILogger logger, int horizon, int paths, long seed, ForecastParameters parameters, string trigger, long version,
        CancellationToken cancellationToken, IReadOnlyList<string>? officeIds = null)
    {
        var today = ForecastWorld.Today(clock);
        var (offices, huvudman) = await ForecastWorld.ReadAsync(grains, today);

        // Unknown offices are refused before the Monte Carlo runs, not after it.
        RequireKnown(officeIds ?? [], offices.Select(o => o.OfficeId));
        var planning = await grains.PlanningParametersAsync();
        var school = await SchoolCalendars.CurrentAsync(grains);
        var input = ForecastInputBuilder.Build(today.Year, today.Month, seed, horizon, paths, parameters, offices, huvudman, planning, school);

        // The Monte Carlo is CPU work: run it off the grain's scheduler so the silo keeps serving other grains meanwhile.
        var started = clock.GetTimestamp();
        var forecast = await Task.Run(() => CapacityForecaster.Run(ForecastRules.Validate(input), cancellationToken), cancellationToken);
        var elapsed = clock.GetElapsedTime(started);
        LogComputed(logger, trigger, offices.Count, huvudman.Count, paths, elapsed.TotalMilliseconds);
        return forecast.ToRecord(clock.GetUtcNow(), trigger, version);
    }

    /// <summary>The forecast narrowed to <paramref name="officeIds"/> (all offices when empty); NotFound names unknown ones.</summary>
    public static ForecastRecord Only(ForecastRecord forecast, IReadOnlyList<string> officeIds)
    {
        if (officeIds.Count == 0)
        {
            return forecast;
        }

        RequireKnown(officeIds, forecast.Offices.Select(o => o.OfficeId));
        return forecast with { Offices = forecast.Offices.Where(o => officeIds.Contains(o.OfficeId)).ToList() };
    }

    private static void RequireKnown(IReadOnlyList<string> officeIds, IEnumerable<string> known)
    {
        var set = known.ToHashSet(StringComparer.Ordinal);
        var unknown = officeIds.Where(id => !set.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw PlaneringException.NotFound("office", string.Join(", ", unknown));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast of {Paths} paths cancelled by its caller after {Milliseconds:F0} ms")]
    public static partial void LogCancelled(ILogger logger, int paths, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast ({Trigger}): {Offices} offices, {Huvudman} huvudmän, {Paths} paths in {Milliseconds:F0} ms")]
    private static partial void LogComputed(ILogger logger, string trigger, int offices, int huvudman, int paths, double milliseconds);
}
