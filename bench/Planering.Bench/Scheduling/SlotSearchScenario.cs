using Planering.Domain.Calendar;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Bench.Scheduling;

/// <summary>
/// An office (Solna, its default eight advisors) whose calendar is filled for a whole year by booking the earliest
/// slot again and again, as a busy scheduler would: every day up to the daily and weekly caps.
/// </summary>
public sealed class SlotSearchScenario
{
    public static readonly DateOnly Today = new(2027, 1, 4);

    public SlotSearchScenario()
    {
        var sweden = SwedishGeography.Sweden;
        Search = new SlotSearch(OfficeWorkingTime.Default, SchoolHolidayCalendar.Create(sweden), WorkloadModel.Default);
        var site = sweden.Offices.Single(o => o.OfficeId == "solna");
        Office = new SchedulingOffice(site.OfficeId, site.Position, WorldSeed.DefaultAdvisors("solna", WorldSeed.DefaultAdvisorCount("solna")));
        var huvudman = WorldSeed.Huvudman(sweden).Where(h => h.Lanskod is "01" or "03").ToList();
        Schedule = new OfficeSchedule([]);
        var yearEnd = Today.AddYears(1);
        for (var i = 0; ; i++)
        {
            var h = huvudman[i % huvudman.Count];
            var query = QueryFor(h, Today, i % 3 == 0 ? DialogueMode.OnSite : DialogueMode.Digital);
            var slot = Search.FindEarliest(query, Schedule).Slot;
            if (slot is null || slot.Date >= yearEnd)
            {
                break;
            }

            Schedule.Add(new Booking($"d{i}", $"r{i}", h.OrganisationNumber.Value, h.Name, Office.Id, slot.Date, slot.StartMinute, slot.EndMinute,
                slot.Mode, slot.AdvisorIds, slot.TravelMinutesOneWay, slot.Effort.DialogueHours, slot.Effort.PreparationHours, false, DateTimeOffset.UnixEpoch));
        }

        Probe = huvudman[0];
    }

    public SlotSearch Search { get; }

    public SchedulingOffice Office { get; }

    public OfficeSchedule Schedule { get; }

    public HuvudmanProfile Probe { get; }

    /// <summary>Active bookings in the filled year.</summary>
    public int Bookings => Schedule.Count;

    public SlotQuery QueryFor(HuvudmanProfile h, DateOnly earliest, params DialogueMode[] modes) =>
        new(new SchedulingHuvudman(h.OrganisationNumber.Value, h.Name, h.Kommunkod, h.Position, h.Pupils, null, new HashSet<DateOnly>()),
            Office, modes, earliest, SlotQuery.MaxHorizonDays, false, Today);
}
