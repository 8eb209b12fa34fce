using Planering.Domain.Errors;
using static System.FormattableString;
using Planering.Domain.Registry;

namespace Planering.Domain.Forecasting;

/// <summary>The limits of a forecast request; every violation is named by its API field (snake_case).</summary>
public static class ForecastRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxOffices = 100;
    public const int MaxHuvudmanPerOffice = 100_000;
    public const int MaxCycleMonths = 120;
    public const int MaxMonthIndex = 600;
    public const int MaxHistoryMonths = 600;
    public const int MaxHeldPerMonth = 100_000;
    public const double MaxHoursPerDialogue = 1_000;
    public const double MaxCapacityHoursPerMonth = 10_000_000;
    public const double MaxCoefficientOfVariation = 5;
    public const int MaxDelayMonths = 60;
    public const double MaxGraceCycles = 10;

    /// <summary>Throws <see cref="PlaneringException"/> (invalid argument) naming every bad field; returns the input when it is valid.</summary>
    public static ForecastInput Validate(ForecastInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var violations = new Violations();
        violations.Require(input.StartYear is >= MinYear and <= MaxYear, "start_year", Invariant($"must be between {MinYear} and {MaxYear}"));
        violations.Require(input.StartMonth is >= 1 and <= 12, "start_month", "must be between 1 and 12");
        var horizonValid = input.HorizonMonths is >= 1 and <= ForecastInput.MaxHorizonMonths;
        violations.Require(horizonValid, "horizon_months", Invariant($"must be between 1 and {ForecastInput.MaxHorizonMonths}"));
        violations.Require(input.Paths is >= 1 and <= ForecastInput.MaxPaths, "paths", Invariant($"must be between 1 and {ForecastInput.MaxPaths}"));
        if (input.Parameters is null)
        {
            violations.Add("parameters", "must be given");
        }
        else
        {
            CheckParameters(violations, input.Parameters);
        }

        if (input.Offices is null || input.Offices.Count == 0)
        {
            violations.Add("offices", "must name at least one office");
        }
        else if (input.Offices.Count > MaxOffices)
        {
            violations.Add("offices", Invariant($"must hold at most {MaxOffices} offices"));
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < input.Offices.Count; i++)
            {
                CheckOffice(violations, $"offices[{i}]", input.Offices[i], horizonValid ? input.HorizonMonths : -1, seen);
            }
        }

        violations.ThrowIfAny();
        return input;
    }

    private static void CheckParameters(Violations violations, ForecastParameters p)
    {
        const string at = "parameters.";
        RequireShare(violations, at + "cancellation_rate", p.CancellationRate);
        RequireShare(violations, at + "rescheduled_share", p.RescheduledShare);
        RequireDelays(violations, at + "reschedule_delay", p.RescheduleDelayMinMonths, p.RescheduleDelayMaxMonths, 0);
        RequireRange(violations, at + "duration_cv", p.DurationCv, 0, MaxCoefficientOfVariation);
        var meanValid = double.IsFinite(p.SicknessMean) && p.SicknessMean >= 0 && p.SicknessMean < 1;
        violations.Require(meanValid, at + "sickness_mean", "must be at least 0 and below 1");
        if (!double.IsFinite(p.SicknessSd) || p.SicknessSd < 0)
        {
            violations.Add(at + "sickness_sd", "must be a finite number of at least 0");
        }
        else if (p.SicknessSd > 0 && meanValid && !(p.SicknessSd * p.SicknessSd < p.SicknessMean * (1 - p.SicknessMean)))
        {
            // A Beta distribution with this mean cannot spread further; beyond it there is no such distribution.
            violations.Add(at + "sickness_sd", "must be below √(sickness_mean·(1 − sickness_mean))");
        }

        RequireShare(violations, at + "parental_leave_rate", p.ParentalLeaveRate);
        RequireDelays(violations, at + "parental_leave", p.ParentalLeaveMinMonths, p.ParentalLeaveMaxMonths, 1);
        RequireShare(violations, at + "vacancy_rate", p.VacancyRate);
        RequireRange(violations, at + "hiring_delay_mean_months", p.HiringDelayMeanMonths, 0, MaxDelayMonths);
        RequireRange(violations, at + "hiring_delay_cv", p.HiringDelayCv, 0, MaxCoefficientOfVariation);
        RequireRange(violations, at + "coverage_grace_cycles", p.CoverageGraceCycles, 0, MaxGraceCycles);
    }

    private static void CheckOffice(Violations violations, string at, OfficeForecastInput? office, int horizon, HashSet<string> seen)
    {
        if (office is null)
        {
            violations.Add(at, "must be given");
            return;
        }

        RegistryRules.RequireSlug(violations, $"{at}.office_id", office.OfficeId);
        if (RegistryRules.IsSlug(office.OfficeId))
        {
            violations.Require(office.OfficeId != CapacityForecast.NationalId, $"{at}.office_id", Invariant($"'{CapacityForecast.NationalId}' is reserved for the nation"));
            violations.Require(seen.Add(office.OfficeId), $"{at}.office_id", Invariant($"'{office.OfficeId}' appears twice"));
        }

        if (office.CapacityHours is null)
        {
            violations.Add($"{at}.capacity_hours", "must be given");
        }
        else if (horizon > 0 && office.CapacityHours.Count != horizon)
        {
            violations.Add($"{at}.capacity_hours", Invariant($"must hold one value per month of the horizon ({horizon})"));
        }
        else
        {
            for (var m = 0; m < office.CapacityHours.Count; m++)
            {
                RequireRange(violations, $"{at}.capacity_hours[{m}]", office.CapacityHours[m], 0, MaxCapacityHoursPerMonth);
            }
        }

        var advisorsValid = office.Advisors is >= 0 and <= Staffing.MaxAdvisors;
        violations.Require(advisorsValid, $"{at}.advisors", Invariant($"must be between 0 and {Staffing.MaxAdvisors}"));
        violations.Require(
            !advisorsValid || (double.IsFinite(office.TotalFte) && office.TotalFte >= 0 && office.TotalFte <= office.Advisors && (office.Advisors == 0 || office.TotalFte > 0)),
            $"{at}.total_fte",
            "must be above 0 and at most the number of advisors (0 when there are none)");

        if (office.Huvudman is null)
        {
            violations.Add($"{at}.huvudman", "must be given (it may be empty)");
        }
        else if (office.Huvudman.Count > MaxHuvudmanPerOffice)
        {
            violations.Add($"{at}.huvudman", Invariant($"must hold at most {MaxHuvudmanPerOffice} huvudmän"));
        }
        else
        {
            for (var h = 0; h < office.Huvudman.Count; h++)
            {
                CheckHuvudman(violations, $"{at}.huvudman[{h}]", office.Huvudman[h]);
            }
        }

        if (office.History is { } history)
        {
            violations.Require(history.Count <= MaxHistoryMonths, $"{at}.history", Invariant($"must hold at most {MaxHistoryMonths} months"));
            for (var m = 0; m < history.Count && m < MaxHistoryMonths; m++)
            {
                violations.Require(history[m] is >= 0 and <= MaxHeldPerMonth, $"{at}.history[{m}]", Invariant($"must be between 0 and {MaxHeldPerMonth} dialogues"));
            }
        }
    }

    private static void CheckHuvudman(Violations violations, string at, HuvudmanDemand? huvudman)
    {
        if (huvudman is null)
        {
            violations.Add(at, "must be given");
            return;
        }

        violations.Require(
            double.IsFinite(huvudman.HoursPerDialogue) && huvudman.HoursPerDialogue > 0 && huvudman.HoursPerDialogue <= MaxHoursPerDialogue,
            $"{at}.hours_per_dialogue",
            Invariant($"must be above 0 and at most {MaxHoursPerDialogue}"));
        violations.Require(huvudman.CycleMonths is >= 1 and <= MaxCycleMonths, $"{at}.cycle_months", Invariant($"must be between 1 and {MaxCycleMonths}"));
        violations.Require(huvudman.NextDueMonth is >= -MaxMonthIndex and <= MaxMonthIndex, $"{at}.next_due_month", Invariant($"must be between {-MaxMonthIndex} and {MaxMonthIndex}"));
        violations.Require(huvudman.BookedMonth is null or (>= 0 and <= MaxMonthIndex), $"{at}.booked_month", Invariant($"must be between 0 and {MaxMonthIndex} when given"));
        violations.Require(double.IsFinite(huvudman.TakeUp) && huvudman.TakeUp is > 0 and <= 1, $"{at}.take_up", "must be greater than 0 and at most 1");
        violations.Require(double.IsFinite(huvudman.LaterTakeUp) && huvudman.LaterTakeUp is > 0 and <= 1, $"{at}.later_take_up", "must be greater than 0 and at most 1");
    }

    private static void RequireShare(Violations violations, string field, double value) =>
        violations.Require(double.IsFinite(value) && value is >= 0 and <= 1, field, "must be between 0 and 1");

    private static void RequireRange(Violations violations, string field, double value, double min, double max) =>
        violations.Require(double.IsFinite(value) && value >= min && value <= max, field, Invariant($"must be a finite number between {min} and {max}"));

    private static void RequireDelays(Violations violations, string prefix, int min, int max, int lowest)
    {
        violations.Require(min >= lowest && min <= MaxDelayMonths, prefix + "_min_months", Invariant($"must be between {lowest} and {MaxDelayMonths}"));
        violations.Require(max >= min && max <= MaxDelayMonths, prefix + "_max_months", Invariant($"must be at least {prefix}_min_months and at most {MaxDelayMonths}"));
    }
}
