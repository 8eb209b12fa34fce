using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Registry;

namespace Planering.Domain.Workload;

/// <summary>
/// An office's capacity for dialogues, in two measures that both bound it:
/// <list type="bullet">
/// <item><b>hours</b>: every advisor's working hours (office hours less lunch, shortened days applied, × the advisor's
/// day fraction on its working days, not on holidays, not when absent) on the office's bookable days, times the share
/// of an advisor's time that goes to dialogues (the rest is other work);</item>
/// <item><b>dialogues</b>: the slots the slot search can give — on each bookable day with at least
/// <see cref="WorkloadOptions.AdvisorsPerDialogue"/> advisors on duty, up to the daily limit (fewer when fewer pairs are
/// free), within each ISO week up to the weekly limit, taken from the earliest days of the week as bookings fill it.</item>
/// </list>
/// Bookable days exclude the school holidays of the office's own kommun, a proxy for the lov of the region it serves:
/// dialogues are not held when schools are closed.
/// </summary>
public sealed class CapacityModel
{
    private readonly OfficeWorkingTime _workingTime;
    private readonly SchoolHolidayCalendar _schoolHolidays;
    private readonly WorkloadOptions _limits;

    /// <param name="limits">The daily and weekly limits and advisors per dialogue; the shipped defaults when null.</param>
    public CapacityModel(OfficeWorkingTime workingTime, SchoolHolidayCalendar schoolHolidays, double dialogueShare = DefaultDialogueShare, WorkloadOptions? limits = null)
    {
        _workingTime = workingTime;
        _schoolHolidays = schoolHolidays;
        _limits = limits ?? WorkloadOptions.Default;
        DialogueShare = dialogueShare is > 0 and <= 1
            ? dialogueShare
            : throw PlaneringException.Invalid("dialogue_share", "must be greater than 0 and at most 1");
    }

    /// <summary>Assumption: 60 % of an advisor's time goes to quality dialogues (every step, travel included).</summary>
    public const double DefaultDialogueShare = 0.6;

    public double DialogueShare { get; }

    /// <summary>Dialogue hours the advisors give in [from, toExclusive).</summary>
    public double Hours(IReadOnlyList<Advisor> advisors, string officeKommunkod, DateOnly from, DateOnly toExclusive)
    {
        var total = 0.0;
        for (var day = from; day < toExclusive; day = day.AddDays(1))
        {
            if (!IsBookable(officeKommunkod, day))
            {
                continue;
            }

            var dayHours = _workingTime.Hours.WorkingHoursOn(day) * DialogueShare;
            foreach (var advisor in advisors)
            {
                if (advisor.IsOnDuty(day))
                {
                    total += dayHours * advisor.DayFraction;
                }
            }
        }

        return total;
    }

    /// <summary>Dialogue hours in each of <paramref name="months"/> calendar months from the given one.</summary>
    public IReadOnlyList<double> MonthlyHours(IReadOnlyList<Advisor> advisors, string officeKommunkod, int year, int month, int months)
    {
        var result = new double[months];
        var start = new DateOnly(year, month, 1);
        for (var i = 0; i < months; i++)
        {
            result[i] = Hours(advisors, officeKommunkod, start.AddMonths(i), start.AddMonths(i + 1));
        }

        return result;
    }

    /// <summary>The most dialogues the office can hold in [from, toExclusive) under the slot limits.</summary>
    public int Dialogues(IReadOnlyList<Advisor> advisors, string officeKommunkod, DateOnly from, DateOnly toExclusive)
    {
        var total = 0;
        // Whole ISO weeks around the range, so the weekly limit is applied to the week as the slot search applies it.
        var weekStart = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        for (var monday = weekStart; monday < toExclusive; monday = monday.AddDays(7))
        {
            var left = _limits.MaxDialoguesPerWeek;
            for (var day = monday; day < monday.AddDays(7) && left > 0; day = day.AddDays(1))
            {
                var onDay = Math.Min(left, DialoguesOn(advisors, officeKommunkod, day));
                left -= onDay;
                if (day >= from && day < toExclusive)
                {
                    total += onDay;
                }
            }
        }

        return total;
    }

    /// <summary>Dialogues per month for <paramref name="months"/> calendar months from the given one.</summary>
    public IReadOnlyList<int> MonthlyDialogues(IReadOnlyList<Advisor> advisors, string officeKommunkod, int year, int month, int months)
    {
        var result = new int[months];
        var start = new DateOnly(year, month, 1);
        for (var i = 0; i < months; i++)
        {
            result[i] = Dialogues(advisors, officeKommunkod, start.AddMonths(i), start.AddMonths(i + 1));
        }

        return result;
    }

    /// <summary>Slots on one day: the daily limit, fewer when fewer than a pair (or pairs) of advisors are on duty.</summary>
    private int DialoguesOn(IReadOnlyList<Advisor> advisors, string officeKommunkod, DateOnly day)
    {
        if (!IsBookable(officeKommunkod, day))
        {
            return 0;
        }

        var present = 0;
        foreach (var advisor in advisors)
        {
            if (advisor.IsOnDuty(day))
            {
                present++;
            }
        }

        // One free pair can hold the daily limit of digital dialogues (two of up to 4 h fit its day), so with a pair on
        // duty the limit binds; without one, nothing can be booked that day.
        return present >= Math.Max(1, _limits.AdvisorsPerDialogue) ? _limits.MaxDialoguesPerDay : 0;
    }

    private bool IsBookable(string officeKommunkod, DateOnly day) =>
        _workingTime.IsWorkingDay(day) && !_schoolHolidays.IsSchoolHoliday(officeKommunkod, day, out _);
}
