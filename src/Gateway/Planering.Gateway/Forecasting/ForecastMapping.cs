using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Planering.Contracts.V1;
using Planering.Gateway.Planning;
using Planering.Grains.Forecasting;

namespace Planering.Gateway.Forecasting;

/// <summary>Conversions between the forecast protobuf messages and the grain records.</summary>
internal static class ForecastMapping
{
    public static CapacityForecast ToMessage(this ForecastRecord f)
    {
        var message = new CapacityForecast
        {
            Method = f.Method,
            Seed = f.Seed,
            Paths = f.Paths,
            StartMonth = Month(f.StartYear, f.StartMonth),
            HorizonMonths = f.HorizonMonths,
            National = f.National.ToMessage(),
            ComputedAt = Timestamp.FromDateTimeOffset(f.ComputedAt),
            Trigger = f.Trigger,
            Version = f.Version,
        };
        message.Offices.AddRange(f.Offices.Select(o => o.ToMessage()));
        return message;
    }

    public static ForecastParameterOverrides ToRecord(this Contracts.V1.ForecastParameters? p) => p is null
        ? ForecastParameterOverrides.None
        : new ForecastParameterOverrides(
            p.HasCancellationRate ? p.CancellationRate : null,
            p.HasRescheduledShare ? p.RescheduledShare : null,
            p.HasDurationCv ? p.DurationCv : null,
            p.HasSicknessMean ? p.SicknessMean : null,
            p.HasSicknessSd ? p.SicknessSd : null,
            p.HasParentalLeaveRate ? p.ParentalLeaveRate : null,
            p.HasVacancyRate ? p.VacancyRate : null,
            p.HasHiringDelayMeanMonths ? p.HiringDelayMeanMonths : null);

    private static OfficeForecast ToMessage(this OfficeForecastRecord o)
    {
        var message = new OfficeForecast { OfficeId = o.OfficeId, Method = o.Method, CoverageProbability = o.CoverageProbability };
        if (o.Trend is { } t)
        {
            message.Trend = new ThroughputTrend
            {
                HistoryMonths = t.HistoryMonths, Intercept = t.Intercept, SlopePerMonth = t.SlopePerMonth, ResidualStandardError = t.ResidualStandardError,
            };
        }

        message.Months.AddRange(o.Months.Select(m => new MonthForecast
        {
            Month = Month(m.Year, m.Month),
            DemandHours = m.DemandHours.ToMessage(),
            CapacityHours = m.CapacityHours.ToMessage(),
            Utilisation = m.Utilisation.ToMessage(),
            BacklogHours = m.BacklogHours.ToMessage(),
            DemandDialogues = m.DemandDialogues,
            NightsAway = m.NightsAway,
            DialogueCapacity = m.DialogueCapacity,
            Binding = m.Binding.ToMessage(),
            Status = m.Status.ToMessage(),
        }));
        return message;
    }

    private static Band ToMessage(this BandRecord b) => new() { Mean = b.Mean, P10 = b.P10, P50 = b.P50, P90 = b.P90 };

    private static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
}
