using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Planering.Domain.Calendar;
using Planering.Domain.Geography;
using Planering.Domain.Invitations;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
using Planering.Domain.Workload;

namespace Planering.Domain.Forecasting;

/// <summary>An office as the forecast sees it: where it is, who works there, and how many dialogues it held per past month.</summary>
public sealed record ForecastOffice(string OfficeId, string Kommunkod, GeoPosition Position, IReadOnlyList<Advisor> Advisors, IReadOnlyList<int> HeldPerMonth);

/// <summary>A huvudman as the forecast sees it: its office, size, place, and its last and next (booked) dialogue.</summary>
/// <param name="Kommunkod">Where it is, for its trip (a ferry to Gotland); without it the trip is taken to be by road.</param>
public sealed record ForecastHuvudman(string Id, string OfficeId, GeoPosition Position, int Pupils, DateOnly? LastDialogue, DateOnly? BookedDialogue, string? Kommunkod = null)
{
    /// <summary>Its type, for its acceptance rate; without it the huvudman is taken to take part (take-up 1).</summary>
    public HuvudmanType? Type { get; init; }

    /// <summary>Its latest invitation, if any: an open or accepted one brings its dialogue into the wave's period, a declined one moves it a cycle on.</summary>
    public Invitation? Invitation { get; init; }
}

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
/// huvudman once within a cycle, not all of them in the first month;</item>
/// <item>invited (open or accepted, not held since): in one of the months of its wave's period, spread by the same hash;</item>
/// <item>declined or no answer (not held since): invited again one cycle after its invitation.</item>
/// </list>
/// Take-up (docs/invitations.md): a dialogue that is booked, or whose invitation was accepted, happens; any other happens
/// with the acceptance rate of the huvudman's type (the planning parameters), drawn on every path.
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
            officeId => workloads[officeId], planning.CycleMonthsFor, officeId => planning.CapacityFor(officeId, schoolHolidays), planning.AcceptanceRateFor);
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
        Build(startYear, startMonth, seed, horizonMonths, paths, parameters, offices, huvudman, _ => workload, _ => workload.Options.CycleMonths, _ => capacity,
            PlanningParameters.Default.AcceptanceRateFor);

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
        Func<string, CapacityModel> capacityOf,
        Func<HuvudmanType, double> takeUpOf)
    {
        var start = new DateOnly(startYear, startMonth, 1);
        var byOffice = huvudman.GroupBy(h => h.OfficeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var inputs = offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal).Select(office =>
        {
            var workload = workloadOf(office.OfficeId);
            var demands = byOffice.GetValueOrDefault(office.OfficeId, [])
                .OrderBy(h => h.Id, StringComparer.Ordinal)
                .Select(h => Demand(h, office, start, cycleOf(h.Id), workload, h.Type is { } type ? takeUpOf(type) : 1))
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
    /// Dialogues that become demand per month, nominally (no cancellations) and expected (times the take-up), as the
    /// forecast's queue counts them, each weighed by <paramref name="weight"/> (1 to count them, their expected nights away
    /// to count those).
    /// </summary>
    private static double[] DueDialogues(IReadOnlyList<HuvudmanDemand> demands, int horizon, Func<HuvudmanDemand, double> weight)
    {
        var due = new double[horizon];
        foreach (var d in demands)
        {
            var first = true;
            for (var month = d.BookedMonth ?? Math.Max(d.NextDueMonth, 0); month < horizon; month += d.CycleMonths)
            {
                if (month >= 0)
                {
                    due[month] += weight(d) * (first ? d.TakeUp : d.LaterTakeUp);
                }

                first = false;
            }
        }

        return due;
    }

    /// <summary>A stable number per huvudman that spreads a group of them evenly over months.</summary>
    private static uint Spread(string id) => BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    /// <summary>Month index of a date relative to the forecast's first month.</summary>
    public static int MonthIndex(DateOnly start, DateOnly date) => ((date.Year - start.Year) * 12) + date.Month - start.Month;

    private static HuvudmanDemand Demand(ForecastHuvudman h, ForecastOffice office, DateOnly start, int cycle, WorkloadModel workload, double takeUp)
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
            return new HuvudmanDemand(hours, cycle, month, month) { AdvisorNightsPerDialogue = nights, LaterTakeUp = takeUp };
        }

        // An invitation not yet followed by a held dialogue decides when the next one comes, and how likely it is.
        if (h.Invitation is { } invitation && !(h.LastDialogue is { } heldAfter && heldAfter >= invitation.InvitedOn))
        {
            // A wave's dialogues are held through its period: each in one of the period's months, spread by its id.
            var periodMonths = MonthIndex(invitation.PeriodStart, invitation.PeriodEnd) + 1;
            var (month, first) = invitation.IsLive
                ? (MonthIndex(start, invitation.PeriodStart) + (int)(Spread(h.Id) % (uint)Math.Max(1, periodMonths)), invitation.Status == InvitationStatus.Accepted ? 1 : takeUp)
                : (MonthIndex(start, invitation.InvitedOn.AddMonths(cycle)), takeUp);
            return new HuvudmanDemand(hours, cycle, month) { AdvisorNightsPerDialogue = nights, TakeUp = first, LaterTakeUp = takeUp };
        }

        var due = h.LastDialogue is { } last
            ? MonthIndex(start, workload.NextDueDate(last, cycle))
            : (int)(Spread(h.Id) % (uint)cycle);
        return new HuvudmanDemand(hours, cycle, due) { AdvisorNightsPerDialogue = nights, TakeUp = takeUp, LaterTakeUp = takeUp };
    }
}
