using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Planering.Domain.Calendar;
using Planering.Domain.Geography;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
using Planering.Domain.Workload;

namespace Planering.Domain.Forecasting;

/// <summary>An office as the forecast sees it: where it is, who works there, and how many dialogues it held per past month.</summary>
public sealed record ForecastOffice(string OfficeId, string Kommunkod, GeoPosition Position, IReadOnlyList<Advisor> Advisors, IReadOnlyList<int> HeldPerMonth);

/// <summary>A huvudman as the forecast sees it: its office, size, place, and its last and next (booked) dialogue.</summary>
/// <param name="Kommunkod">Where it is, for its trip (a ferry to Gotland); without it the trip is taken to be by road.</param>
public sealed record ForecastHuvudman(string Id, string OfficeId, GeoPosition Position, int Pupils, DateOnly? LastDialogue, DateOnly? BookedDialogue, string? Kommunkod = null);

/// <summary>
/// Turns the live world (offices, their staff and calendars, the assigned huvudmän) into a <see cref="ForecastInput"/>,
/// with the one workload model and capacity model every part of Planering uses.
/// </summary>
/// <remarks>
/// When a huvudman's next dialogue falls due:
/// <list type="bullet">
/// <item>booked: in the month of the booking;</item>
/// <item>held before, not booked: one cycle after the last dialogue (negative = overdue);</item>
/// <item>never held: spread evenly over the first cycle by a stable hash of its id — the first round reaches every
/// huvudman once within a cycle, not all of them in the first month.</item>
/// </list>
/// Hours per dialogue are the expected advisor hours of every step under the model's digital/on-site mix, with travel
/// from the assigned office (as the plan counts them). Capacity per month is the tighter of the hours and the dialogue
/// slots (daily and weekly limits, bookable days, free pairs) times the office's mean hours per dialogue; the dialogue
/// figures themselves go along for the months' "which binds".
/// </remarks>
public static class ForecastInputBuilder
{
    /// <summary>The input under one set of planning parameters: each office with its own limits and hours, each huvudman with its own cycle.</summary>
    public static ForecastInput Build(
        int startYear,
        int startMonth,
        long seed,
        int horizonMonths,
        int paths,
        ForecastParameters parameters,
        IReadOnlyList<ForecastOffice> offices,
        IReadOnlyList<ForecastHuvudman> huvudman,
        PlanningParameters planning,
        SchoolHolidayCalendar schoolHolidays)
    {
        var workloads = offices.ToDictionary(o => o.OfficeId, o => planning.WorkloadFor(o.OfficeId), StringComparer.Ordinal);
        return Build(startYear, startMonth, seed, horizonMonths, paths, parameters, offices, huvudman,
            officeId => workloads[officeId], planning.CycleMonthsFor, officeId => planning.CapacityFor(officeId, schoolHolidays));
    }

    /// <summary>The input with one workload and capacity model for every office and huvudman.</summary>
    public static ForecastInput Build(
        int startYear,
        int startMonth,
        long seed,
        int horizonMonths,
        int paths,
        ForecastParameters parameters,
        IReadOnlyList<ForecastOffice> offices,
        IReadOnlyList<ForecastHuvudman> huvudman,
        WorkloadModel workload,
        CapacityModel capacity) =>
        Build(startYear, startMonth, seed, horizonMonths, paths, parameters, offices, huvudman, _ => workload, _ => workload.Options.CycleMonths, _ => capacity);

    private static ForecastInput Build(
        int startYear,
        int startMonth,
        long seed,
        int horizonMonths,
        int paths,
        ForecastParameters parameters,
        IReadOnlyList<ForecastOffice> offices,
        IReadOnlyList<ForecastHuvudman> huvudman,
        Func<string, WorkloadModel> workloadOf,
        Func<string, int> cycleOf,
        Func<string, CapacityModel> capacityOf)
    {
        var start = new DateOnly(startYear, startMonth, 1);
        var byOffice = huvudman.GroupBy(h => h.OfficeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var inputs = offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal).Select(office =>
        {
            var workload = workloadOf(office.OfficeId);
            var demands = byOffice.GetValueOrDefault(office.OfficeId, [])
                .OrderBy(h => h.Id, StringComparer.Ordinal)
                .Select(h => Demand(h, office, start, cycleOf(h.Id), workload))
                .ToList();
            var capacity = capacityOf(office.OfficeId);
            var hours = capacity.MonthlyHours(office.Advisors, office.Kommunkod, startYear, startMonth, horizonMonths);
            var slots = capacity.MonthlyDialogues(office.Advisors, office.Kommunkod, startYear, startMonth, horizonMonths);
            var meanHours = demands.Count == 0 ? 0 : demands.Average(d => d.HoursPerDialogue);
            var bound = hours.Select((h, t) => meanHours > 0 ? Math.Min(h, slots[t] * meanHours) : h).ToList();
            return new OfficeForecastInput(
                office.OfficeId,
                bound,
                office.Advisors.Count,
                office.Advisors.Sum(a => a.Fte),
                demands,
                office.HeldPerMonth.Count > 0 ? office.HeldPerMonth : null)
            {
                HoursCapacity = hours,
                DialogueCapacity = slots,
                DueDialogues = DueDialogues(demands, horizonMonths, _ => 1),
                DueNightsAway = DueDialogues(demands, horizonMonths, d => d.AdvisorNightsPerDialogue),
            };
        }).ToList();

        return new ForecastInput(startYear, startMonth, seed, inputs) { HorizonMonths = horizonMonths, Paths = paths, Parameters = parameters };
    }

    /// <summary>
    /// Dialogues that become demand per month, nominally (no cancellations), as the forecast's queue counts them, each
    /// weighed by <paramref name="weight"/> (1 to count them, their expected nights away to count those).
    /// </summary>
    private static double[] DueDialogues(IReadOnlyList<HuvudmanDemand> demands, int horizon, Func<HuvudmanDemand, double> weight)
    {
        var due = new double[horizon];
        foreach (var d in demands)
        {
            for (var month = d.BookedMonth ?? Math.Max(d.NextDueMonth, 0); month < horizon; month += d.CycleMonths)
            {
                if (month >= 0)
                {
                    due[month] += weight(d);
                }
            }
        }

        return due;
    }

    /// <summary>Month index of a date relative to the forecast's first month.</summary>
    public static int MonthIndex(DateOnly start, DateOnly date) => ((date.Year - start.Year) * 12) + date.Month - start.Month;

    private static HuvudmanDemand Demand(ForecastHuvudman h, ForecastOffice office, DateOnly start, int cycle, WorkloadModel workload)
    {
        // The trip as the slot search books it (by ferry to Gotland, a night away when far), when the kommun is known.
        var trip = h.Kommunkod is { } kommunkod ? workload.Trip(office.Position, h.Position, kommunkod, h.Pupils) : null;
        var hours = trip is not null
            ? workload.ExpectedAdvisorHoursPerDialogue(h.Pupils, trip)
            : workload.ExpectedAdvisorHoursPerDialogue(h.Pupils, h.Position.DistanceKmTo(office.Position));
        var nights = trip is not null ? workload.ExpectedTravelPerDialogue(trip).AdvisorNights : 0;
        if (h.BookedDialogue is { } booked)
        {
            var month = MonthIndex(start, booked);
            return new HuvudmanDemand(hours, cycle, month, month) { AdvisorNightsPerDialogue = nights };
        }

        var due = h.LastDialogue is { } last
            ? MonthIndex(start, workload.NextDueDate(last, cycle))
            : (int)(BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(h.Id))) % (uint)cycle);
        return new HuvudmanDemand(hours, cycle, due) { AdvisorNightsPerDialogue = nights };
    }
}
