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
    ForecastBand BacklogHours)
{
    /// <summary>Dialogues that become demand in the month, nominally (before cancellations).</summary>
    public double DemandDialogues { get; init; }

    /// <summary>Expected advisor nights away on the trips of the dialogues falling due in the month (nominal).</summary>
    public double NightsAway { get; init; }

    /// <summary>Dialogues the slot limits allow in the month.</summary>
    public double DialogueCapacity { get; init; }

    /// <summary>Which of hours and dialogues binds the month.</summary>
    public Planning.BindingLimit Binding { get; init; }

    /// <summary>Within capacity, overloaded, or demand with no capacity at all (where a utilisation of 0 would mislead).</summary>
    public Planning.LoadStatus Status { get; init; }
}
