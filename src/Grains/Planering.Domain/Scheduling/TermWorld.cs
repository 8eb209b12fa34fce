using Planering.Domain.Calendar;
using Planering.Domain.Geography;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Scheduling;

/// <summary>
/// Terms on the seeded world without a live cluster (the unit tests and the bench): each huvudman at its nearest office,
/// its previous dialogue spread evenly (by a hash of its id) over the cycle before the period, so about the share of
/// huvudmän a real register has due falls due in the period.
/// </summary>
public static class TermWorld
{
    /// <summary>One request per office for the period, the huvudmän due in it (or all, when <paramref name="onlyDue"/> is false).</summary>
    public static IReadOnlyList<TermRequest> Requests(
        SwedishGeography geography, IReadOnlyList<HuvudmanProfile> huvudman, PlanningParameters parameters, DateOnly from, DateOnly to, DateOnly today,
        bool onlyDue = true)
    {
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(huvudman);
        ArgumentNullException.ThrowIfNull(parameters);
        var offices = WorldSeed.Offices(geography);
        var cycleDays = parameters.Workload.CycleMonths * 30;
        var byOffice = offices.ToDictionary(o => o.Profile.OfficeId, _ => new List<TermHuvudman>(), StringComparer.Ordinal);
        foreach (var h in huvudman)
        {
            var id = h.OrganisationNumber.Value;
            var office = offices.MinBy(o => o.Profile.Position.DistanceKmTo(h.Position)).Profile;
            var last = from.AddDays(-1 - (int)(Hash("last:" + id) % (uint)cycleDays));
            var cycle = parameters.CycleMonthsFor(id);
            var due = parameters.WorkloadFor(office.OfficeId).NextDueDate(last, cycle);
            if (onlyDue && due > to)
            {
                continue;
            }

            var scheduling = new SchedulingHuvudman(id, h.Name, h.Kommunkod, h.Position, h.Pupils, last, new HashSet<DateOnly>(), cycle);
            byOffice[office.OfficeId].Add(new TermHuvudman(scheduling, TermScheduler.DefaultMode(id, parameters.Workload.DigitalShare), due));
        }

        return offices.Select(o => new TermRequest(
            new SchedulingOffice(o.Profile.OfficeId, o.Profile.Position, o.Advisors), from, to, today, byOffice[o.Profile.OfficeId], [])).ToList();
    }

    /// <summary>The slot search of one office under the parameters and the seeded school calendar.</summary>
    public static SlotSearch SearchFor(string officeId, PlanningParameters parameters, SchoolHolidayCalendar schoolHolidays)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new SlotSearch(parameters.WorkingTimeFor(officeId), schoolHolidays, parameters.WorkloadFor(officeId));
    }

    private static uint Hash(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
