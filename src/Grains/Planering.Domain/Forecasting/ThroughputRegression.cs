using MathNet.Numerics;

namespace Planering.Domain.Forecasting;

/// <summary>
/// Fits a straight line to an office's held dialogues per month and projects it as a cap on the hours the office can serve.
/// </summary>
/// <remarks>
/// History is the office's realised throughput: whatever the nominal capacity promises, an office has rarely held more
/// dialogues than its trend. So the projected capacity of month t is min(capacity, (a + b·t + z·se(t)) · hours per dialogue),
/// where se(t) is the standard error of the fitted line at t and z one standard normal per path: the line's own
/// uncertainty spreads the paths. A rising trend therefore lifts the cap month by month; without history (or with fewer
/// than <see cref="MinHistoryMonths"/> months) nothing is capped.
/// </remarks>
internal static class ThroughputRegression
{
    public const int MinHistoryMonths = 6;

    /// <summary>The fitted trend, or null when there is too little history or no huvudman whose hours would scale it.</summary>
    public static ThroughputTrend? Fit(IReadOnlyList<int>? history, IReadOnlyList<HuvudmanDemand> huvudman)
    {
        if (history is null || history.Count < MinHistoryMonths || huvudman.Count == 0)
        {
            return null;
        }

        var n = history.Count;
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            // The last history month is the month before the start, so x = −1 and the intercept lands on month index 0.
            x[i] = i - n;
            y[i] = history[i];
        }

        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var residual = y[i] - (intercept + slope * x[i]);
            squares += residual * residual;
        }

        var hours = 0.0;
        foreach (var h in huvudman)
        {
            hours += h.HoursPerDialogue;
        }

        var residualError = Math.Sqrt(squares / (n - 2));
        // A straight history leaves rounding residue; treat it as exact so the cap is deterministic.
        if (residualError < 1e-9 * Math.Max(1, Math.Abs(intercept)))
        {
            residualError = 0;
        }

        return new ThroughputTrend(n, intercept, slope, residualError, hours / huvudman.Count);
    }

    /// <summary>The cap's centre line and its standard error, in hours, per month of the horizon.</summary>
    public static (double[] Centre, double[] StandardError) Project(ThroughputTrend trend, int horizon)
    {
        var n = trend.HistoryMonths;
        var meanX = -(n + 1) / 2.0;
        var sxx = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = i - n - meanX;
            sxx += d * d;
        }

        var centre = new double[horizon];
        var error = new double[horizon];
        for (var t = 0; t < horizon; t++)
        {
            centre[t] = (trend.Intercept + trend.SlopePerMonth * t) * trend.HoursPerDialogue;
            var d = t - meanX;
            error[t] = trend.ResidualStandardError * Math.Sqrt(1.0 / n + d * d / sxx) * trend.HoursPerDialogue;
        }

        return (centre, error);
    }
}
