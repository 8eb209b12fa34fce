namespace Planering.Domain.Forecasting;

/// <summary>The forecast of one office, or of the nation (id <c>national</c>), month by month.</summary>
/// <param name="Method">How the figures were made: <see cref="ForecastMethod.MonteCarlo"/> or <see cref="ForecastMethod.MonteCarloWithRegression"/>.</param>
/// <param name="CoverageProbability">
/// Share of paths on which no huvudman of the office (of any office, for the nation) is overdue by more than its grace
/// (<see cref="ForecastParameters.CoverageGraceCycles"/> cycles) within the horizon; docs/forecast-model.md defines it exactly.
/// </param>
/// <param name="Trend">The fitted throughput trend when the regression was used for this office; null otherwise and for the nation.</param>
public sealed record OfficeForecast(
    string OfficeId,
    string Method,
    IReadOnlyList<MonthForecast> Months,
    double CoverageProbability,
    ThroughputTrend? Trend);
