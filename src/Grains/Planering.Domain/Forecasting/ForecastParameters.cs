namespace Planering.Domain.Forecasting;

/// <summary>
/// The random influences of a capacity forecast, each settable per request. Every variance can be set to zero;
/// with all of them zero the forecast is deterministic (see docs/forecast-model.md).
/// </summary>
public sealed record ForecastParameters
{
    /// <summary>The documented defaults.</summary>
    public static ForecastParameters Default { get; } = new();

    /// <summary>Probability that a booked dialogue is cancelled (<c>parameters.cancellation_rate</c>), in [0, 1].</summary>
    public double CancellationRate { get; init; } = 0.05;

    /// <summary>Share of cancelled dialogues that are booked again and return as demand later (<c>parameters.rescheduled_share</c>), in [0, 1].</summary>
    public double RescheduledShare { get; init; } = 0.8;

    /// <summary>Fewest months after its booked month that a rescheduled dialogue returns (<c>parameters.reschedule_delay_min_months</c>).</summary>
    public int RescheduleDelayMinMonths { get; init; } = 1;

    /// <summary>Most months after its booked month that a rescheduled dialogue returns (<c>parameters.reschedule_delay_max_months</c>); the delay is uniform between the two.</summary>
    public int RescheduleDelayMaxMonths { get; init; } = 2;

    /// <summary>
    /// Coefficient of variation of a dialogue's duration (<c>parameters.duration_cv</c>): each dialogue's hours are multiplied by
    /// a lognormal factor with mean 1 and this CV.
    /// </summary>
    public double DurationCv { get; init; } = 0.15;

    /// <summary>Mean share of capacity lost to sickness in a month (<c>parameters.sickness_mean</c>), in [0, 1).</summary>
    public double SicknessMean { get; init; } = 0.05;

    /// <summary>
    /// Standard deviation of the monthly sickness share (<c>parameters.sickness_sd</c>); the share is Beta distributed with
    /// <see cref="SicknessMean"/> and this deviation, so it must be below √(mean·(1−mean)).
    /// </summary>
    public double SicknessSd { get; init; } = 0.02;

    /// <summary>Probability per advisor-year that a parental leave starts (<c>parameters.parental_leave_rate</c>), in [0, 1].</summary>
    public double ParentalLeaveRate { get; init; } = 0.04;

    /// <summary>Shortest parental leave in months (<c>parameters.parental_leave_min_months</c>).</summary>
    public int ParentalLeaveMinMonths { get; init; } = 6;

    /// <summary>Longest parental leave in months (<c>parameters.parental_leave_max_months</c>); the length is uniform between the two.</summary>
    public int ParentalLeaveMaxMonths { get; init; } = 12;

    /// <summary>Probability per advisor-year that an advisor leaves (<c>parameters.vacancy_rate</c>), in [0, 1].</summary>
    public double VacancyRate { get; init; } = 0.08;

    /// <summary>Mean months until a leaver is replaced (<c>parameters.hiring_delay_mean_months</c>); Gamma distributed.</summary>
    public double HiringDelayMeanMonths { get; init; } = 4;

    /// <summary>Coefficient of variation of the hiring delay (<c>parameters.hiring_delay_cv</c>); zero makes it exactly the mean.</summary>
    public double HiringDelayCv { get; init; } = 0.5;

    /// <summary>
    /// How late a dialogue may be held and its huvudman still count as covered, in cycles (<c>parameters.coverage_grace_cycles</c>):
    /// 1 means "not overdue by more than its cycle", 0 means "held by its due month".
    /// </summary>
    public double CoverageGraceCycles { get; init; } = 1.0;
}
