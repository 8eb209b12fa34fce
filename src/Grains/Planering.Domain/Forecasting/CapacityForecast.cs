namespace Planering.Domain.Forecasting;

/// <summary>
/// A capacity forecast per office and for the nation. Per path the nation is the sum of the offices, so national means of
/// demand, capacity and backlog equal the sums of the office means; percentiles and utilisation are not additive.
/// </summary>
/// <param name="Method"><see cref="ForecastMethod.MonteCarloWithRegression"/> when any office used its history, else <see cref="ForecastMethod.MonteCarlo"/>.</param>
/// <param name="Seed">The seed used, echoed so the forecast can be reproduced.</param>
/// <param name="Paths">The number of Monte Carlo paths.</param>
/// <param name="Parameters">The parameters used, echoed.</param>
/// <param name="Offices">One forecast per input office, in input order.</param>
/// <param name="National">The nation: per path the sum of the offices.</param>
public sealed record CapacityForecast(
    string Method,
    long Seed,
    int Paths,
    int StartYear,
    int StartMonth,
    int HorizonMonths,
    ForecastParameters Parameters,
    IReadOnlyList<OfficeForecast> Offices,
    OfficeForecast National)
{
    /// <summary>The id of the national figures.</summary>
    public const string NationalId = "national";
}
