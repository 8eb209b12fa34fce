namespace Planering.Domain.Forecasting;

/// <summary>The names of the forecast methods as the result reports them.</summary>
public static class ForecastMethod
{
    /// <summary>Monte Carlo over the random influences only.</summary>
    public const string MonteCarlo = "monte-carlo";

    /// <summary>Monte Carlo with the capacity capped by a throughput trend fitted to the office's history.</summary>
    public const string MonteCarloWithRegression = "monte-carlo+regression";
}
