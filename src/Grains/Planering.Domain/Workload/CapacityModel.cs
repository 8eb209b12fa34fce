using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Registry;

namespace Planering.Domain.Workload;

/// <summary>
/// An office's capacity for dialogues in advisor hours: every advisor's working hours (office hours × the advisor's
/// day fraction on its working days, not on holidays, not when absent) on the office's bookable days, times the share
/// of an advisor's time that goes to dialogues (the rest is other work: analysis, meetings, development).
/// Bookable days exclude the school holidays of the office's own kommun, a proxy for the lov of the region it serves:
/// dialogues are not held when schools are closed.
/// </summary>
public sealed class CapacityModel(OfficeWorkingTime workingTime, SchoolHolidayCalendar schoolHolidays, double dialogueShare = CapacityModel.DefaultDialogueShare)
{
    /// <summary>Assumption: 60 % of an advisor's time goes to quality dialogues (dialogue, preparation and travel).</summary>
    public const double DefaultDialogueShare = 0.6;

    public double DialogueShare { get; } = dialogueShare is > 0 and <= 1
        ? dialogueShare
        : throw PlaneringException.Invalid("dialogue_share", "must be greater than 0 and at most 1");

    /// <summary>Dialogue hours the advisors give in [from, toExclusive).</summary>
    public double Hours(IReadOnlyList<Advisor> advisors, string officeKommunkod, DateOnly from, DateOnly toExclusive)
    {
        var dayHours = workingTime.Hours.DayLength.TotalHours * DialogueShare;
        var total = 0.0;
        for (var day = from; day < toExclusive; day = day.AddDays(1))
        {
            if (!workingTime.IsWorkingDay(day) || schoolHolidays.IsSchoolHoliday(officeKommunkod, day, out _))
            {
                continue;
            }

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
}
