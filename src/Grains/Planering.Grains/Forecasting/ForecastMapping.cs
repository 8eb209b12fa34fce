using Planering.Domain.Forecasting;

namespace Planering.Grains.Forecasting;

/// <summary>Conversions between the forecasting domain and the records that cross grain calls.</summary>
internal static class ForecastMapping
{
    public static ForecastParameters Apply(this ForecastParameterOverrides o, ForecastParameters defaults) => defaults with
    {
        CancellationRate = o.CancellationRate ?? defaults.CancellationRate,
        RescheduledShare = o.RescheduledShare ?? defaults.RescheduledShare,
        DurationCv = o.DurationCv ?? defaults.DurationCv,
        SicknessMean = o.SicknessMean ?? defaults.SicknessMean,
        SicknessSd = o.SicknessSd ?? defaults.SicknessSd,
        ParentalLeaveRate = o.ParentalLeaveRate ?? defaults.ParentalLeaveRate,
        VacancyRate = o.VacancyRate ?? defaults.VacancyRate,
        HiringDelayMeanMonths = o.HiringDelayMeanMonths ?? defaults.HiringDelayMeanMonths,
    };

    public static ForecastRecord ToRecord(this CapacityForecast f, DateTimeOffset computedAt, string trigger, long version) =>
        new(f.Method, f.Seed, f.Paths, f.StartYear, f.StartMonth, f.HorizonMonths, f.Offices.Select(o => o.ToRecord()).ToList(),
            f.National.ToRecord(), computedAt, trigger, version);

    private static OfficeForecastRecord ToRecord(this OfficeForecast o) =>
        new(o.OfficeId, o.Method, o.Months.Select(m => m.ToRecord()).ToList(), o.CoverageProbability,
            o.Trend is { } t ? new TrendRecord(t.HistoryMonths, t.Intercept, t.SlopePerMonth, t.ResidualStandardError) : null);

    private static MonthForecastRecord ToRecord(this MonthForecast m) =>
        new(m.Year, m.Month, m.DemandHours.ToRecord(), m.CapacityHours.ToRecord(), m.Utilisation.ToRecord(), m.BacklogHours.ToRecord(),
            m.DemandDialogues, m.DialogueCapacity, m.Binding, m.Status, m.NightsAway);

    private static BandRecord ToRecord(this ForecastBand b) => new(b.Mean, b.P10, b.P50, b.P90);
}
