namespace Planering.Domain.Forecasting;

/// <summary>One forecast figure over all paths: its mean and its 10th, 50th and 90th percentiles (linear interpolation between order statistics).</summary>
public sealed record ForecastBand(double Mean, double P10, double P50, double P90);
