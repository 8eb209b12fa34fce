namespace Planering.Domain.Forecasting;

/// <summary>A request for a capacity forecast: where it starts, how far and how many paths it looks, its seed and its offices.</summary>
/// <param name="StartYear">Calendar year of month index 0.</param>
/// <param name="StartMonth">Calendar month (1–12) of month index 0.</param>
/// <param name="Seed">The seed of the random paths; the same input with the same seed gives the identical forecast.</param>
/// <param name="Offices">The offices to forecast; the nation is their sum.</param>
public sealed record ForecastInput(int StartYear, int StartMonth, long Seed, IReadOnlyList<OfficeForecastInput> Offices)
{
    public const int DefaultHorizonMonths = 24;
    public const int MaxHorizonMonths = 60;
    public const int DefaultPaths = 10_000;
    public const int MaxPaths = 100_000;

    /// <summary>Months forecast, 1–60.</summary>
    public int HorizonMonths { get; init; } = DefaultHorizonMonths;

    /// <summary>Monte Carlo paths, 1–100,000.</summary>
    public int Paths { get; init; } = DefaultPaths;

    /// <summary>The random influences; <see cref="ForecastParameters.Default"/> unless set.</summary>
    public ForecastParameters Parameters { get; init; } = ForecastParameters.Default;
}
