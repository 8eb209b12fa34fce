using Planering.Domain.Errors;

namespace Planering.Domain.Registry;

/// <summary>The rules for an office's list of advisors.</summary>
public static class Staffing
{
    public const int MaxAdvisors = 500;
    public const int MaxAbsencesPerAdvisor = 200;
    public const int MaxNameLength = 100;

    /// <summary>Mon–Fri: the default working week of an advisor.</summary>
    public static readonly IReadOnlySet<DayOfWeek> Weekdays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    /// <summary>An advisor's working days as given, or <see cref="Weekdays"/> when none are: a full-time working week is the norm.</summary>
    public static IReadOnlySet<DayOfWeek> WorkingDaysOrDefault(IReadOnlyCollection<DayOfWeek> workingDays) =>
        workingDays.Count == 0 ? Weekdays : workingDays.ToHashSet();

    /// <summary>Checks a whole staffing list; throws with every violation named by its API field path.</summary>
    public static IReadOnlyList<Advisor> Validate(IReadOnlyList<Advisor> advisors)
    {
        var violations = new Violations();
        violations.Require(advisors.Count <= MaxAdvisors, "advisors", $"must hold at most {MaxAdvisors} advisors");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < advisors.Count && i < MaxAdvisors; i++)
        {
            var a = advisors[i];
            var at = $"advisors[{i}]";
            RegistryRules.RequireSlug(violations, $"{at}.advisor_id", a.AdvisorId);
            if (RegistryRules.IsSlug(a.AdvisorId) && !seen.Add(a.AdvisorId))
            {
                violations.Add($"{at}.advisor_id", $"'{a.AdvisorId}' appears twice");
            }

            RegistryRules.RequireName(violations, $"{at}.name", a.Name, MaxNameLength);
            violations.Require(double.IsFinite(a.Fte) && a.Fte > 0 && a.Fte <= 1, $"{at}.fte", "must be greater than 0 and at most 1");
            violations.Require(a.WorkingDays.Count > 0, $"{at}.working_days", "must name at least one weekday");
            violations.Require(a.WorkingDays.All(Weekdays.Contains), $"{at}.working_days", "must be Monday to Friday");
            violations.Require(a.Absences.Count <= MaxAbsencesPerAdvisor, $"{at}.absences", $"must hold at most {MaxAbsencesPerAdvisor} periods");
            for (var j = 0; j < a.Absences.Count && j < MaxAbsencesPerAdvisor; j++)
            {
                var absence = a.Absences[j];
                var field = $"{at}.absences[{j}]";
                violations.Require(absence.Start <= absence.End, $"{field}.end_date", "must not be before start_date");
                violations.Require(absence.Start.Year >= 2000 && absence.End.Year <= 2100, $"{field}.start_date", "must lie between 2000 and 2100");
                RegistryRules.RequireText(violations, $"{field}.reason", absence.Reason, MaxNameLength);
            }
        }

        violations.ThrowIfAny();
        return advisors;
    }

    /// <summary>
    /// <paramref name="count"/> full-time advisors working Monday to Friday, with ids <c>{prefix}-1</c>, <c>{prefix}-2</c>, …:
    /// the staff of an office where only a number of advisors is known (a what-if's new office, "every office with N
    /// advisors", a candidate site in a ranking). The one definition of that staff.
    /// </summary>
    public static IReadOnlyList<Advisor> FullTime(string prefix, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Enumerable.Range(1, count).Select(n => new Advisor($"{prefix}-{n}", $"Rådgivare {n}", 1.0, Weekdays, []))];
    }

    /// <summary>The sum of the advisors' FTE.</summary>
    public static double TotalFte(IEnumerable<Advisor> advisors) => advisors.Sum(a => a.Fte);
}
