namespace Planering.Domain.Forecasting;

/// <summary>The forecast of one office (or the nation) for one month.</summary>
/// <param name="MonthIndex">0 for the start month.</param>
/// <param name="DemandHours">Hours of dialogues falling due (or booked, or returning after a cancellation) in the month.</param>
/// <param name="CapacityHours">Hours the office can serve in the month, after random absence (and the throughput cap of the regression, when used).</param>
/// <param name="Utilisation">Served hours divided by capacity hours (0 when there is no capacity); at most 1.</param>
/// <param name="BacklogHours">Hours of demand not served by the month's end, carried over and served first next month.</param>
public sealed record MonthForecast(
    int Year,
    int Month,
    int MonthIndex,
    ForecastBand DemandHours,
    ForecastBand CapacityHours,
    ForecastBand Utilisation,
    ForecastBand BacklogHours);
