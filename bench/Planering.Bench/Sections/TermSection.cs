using System.Diagnostics;
using System.Globalization;
using System.Text;
using Planering.Bench.Scale;
using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.World;

namespace Planering.Bench.Sections;

/// <summary>
/// Term scheduling in the domain (no cluster): one office's spring term and the whole country's next 12 months on the
/// seeded world, against the lower bound and against booking one at a time (each huvudman's earliest slot in due
/// order), and the time as the register grows toward 100,000 huvudmän (the synthetic register).
/// </summary>
public static class TermSection
{
    public const string Title = "Term scheduling";

    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateOnly SpringFrom = new(2027, 1, 11);
    private static readonly DateOnly SpringTo = new(2027, 6, 11);
    private static readonly DateOnly YearFrom = new(2026, 12, 1);
    private static readonly DateOnly YearTo = new(2027, 11, 30);

    public static string Run(bool quick, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var sweden = SwedishGeography.Sweden;
        var lov = SchoolHolidayCalendar.Create(sweden);
        var parameters = PlanningParameters.Default;
        var text = new StringBuilder();
        var seeded = WorldSeed.Huvudman(sweden);
        text.AppendLine(CultureInfo.InvariantCulture, $"The seeded world ({seeded.Count} huvudmän, each at its nearest office, the previous dialogue spread over the cycle before the period: `TermWorld`), default parameters, proposed on {Today:yyyy-MM-dd}. \"one at a time\" is each huvudman's earliest slot in due order (FindNextSlot then book, in the domain). Nights and travel hours are the advisor pair's. Bound (`TermBound`): late = huvudmän whose earliest slot on the calendar without the proposal is already after their due month; km = each on-site stop's cheapest way in (from the office or any other stop) plus the cheapest way home, a weak bound (docs/term-scheduling.md). Targets: ≤ 2 s per office-term, ≤ 10 s for the country on 2 cores.");
        text.AppendLine();
        // The machine is shared: the load says how far the seconds below are from a quiet machine's.
        if (File.Exists("/proc/loadavg"))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) when the section started: {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores.");
            text.AppendLine();
        }

        Table(text, "Spring term " + SpringFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " to " + SpringTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ", one office at a time",
            TermWorld.Requests(sweden, seeded, parameters, SpringFrom, SpringTo, Today), parameters, lov, log);
        var year = TermWorld.Requests(sweden, seeded, parameters, YearFrom, YearTo, Today);
        Table(text, "The whole country, the next 12 months (" + YearFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " to " + YearTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")",
            year, parameters, lov, log);
        Nights(text, sweden, year, parameters, lov);

        text.AppendLine("Growth: the country's 12 months as the register grows (the synthetic register, huvudmän placed at their kommun's seat). Beyond the offices' capacity most huvudmän get a reason instead of a slot, and each costs a full search of the horizon.");
        text.AppendLine();
        text.AppendLine("| huvudmän in register | due in period | placed | seconds (term) | seconds (one at a time) |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var size in quick ? new[] { 1_000, 3_000 } : new[] { 1_000, 3_000, 10_000, 30_000, 100_000 })
        {
            var register = SyntheticRegister.Huvudman(size).ToList();
            var requests = TermWorld.Requests(sweden, register, parameters, YearFrom, YearTo, Today);
            var (term, single, termTime, singleTime) = Country(requests, parameters, lov);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {size:N0} | {requests.Sum(r => r.Huvudman.Count):N0} | {term.Sum(t => t.Totals.Placed):N0} | {termTime.TotalSeconds:F2} | {singleTime.TotalSeconds:F2} |");
            log.WriteLine($"term growth {size}: {termTime.TotalSeconds:F2} s");
        }

        return text.ToString();
    }

    /// <summary>
    /// Why nights do or do not fall on the seeded world: a tour saves a night only where two dialogues that each spend one
    /// alone are held on consecutive days; no dialogue may be held before it is due, and the tour may not make one later in
    /// months than alone, so two such dialogues can share a tour only when both fall due by the end of the earlier one's
    /// month alone.
    /// </summary>
    private static void Nights(StringBuilder text, SwedishGeography sweden, IReadOnlyList<TermRequest> requests, PlanningParameters parameters, SchoolHolidayCalendar lov)
    {
        text.AppendLine("Nights, the whole country's 12 months: the dialogues that spend a night away when booked one at a time, and the pairs of them (one office) that could share a tour at all: both due by the end of the earlier one's month alone (no dialogue is held before it is due, and lateness comes first), and of those, the pairs within a tour leg (150 km).");
        text.AppendLine();
        text.AppendLine("| office | on site | one at a time: dialogues with a night | nights | pairs due in time | within 150 km | those dialogues (kommun, due, held alone) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var request in requests)
        {
            var scheduler = new TermScheduler(TermWorld.SearchFor(request.Office.Id, parameters, lov));
            var overnight = scheduler.OneAtATime(request).Placements.Where(p => p.Slot?.Trip is { Nights: > 0 }).ToList();
            var pairs = overnight.SelectMany((a, i) => overnight.Skip(i + 1).Select(b => (a, b)))
                .Where(x => Max(x.a.Huvudman.Due, x.b.Huvudman.Due) <= EndOfMonth(Min(x.a.Slot!.Date, x.b.Slot!.Date)))
                .ToList();
            var near = pairs.Count(x => x.a.Huvudman.Huvudman.Position.DistanceKmTo(x.b.Huvudman.Huvudman.Position) <= scheduler.Options.MaxLegKm);
            var list = string.Join("; ", overnight.Select(p => string.Create(CultureInfo.InvariantCulture, $"{sweden.Kommun(p.Huvudman.Huvudman.Kommunkod).Name} {p.Huvudman.Due:yyyy-MM-dd} {p.Slot!.Date:yyyy-MM-dd}")));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {request.Office.Id} | {request.Huvudman.Count(h => h.Mode == Planering.Domain.Workload.DialogueMode.OnSite)} | {overnight.Count} | {overnight.Sum(p => p.Slot!.Trip!.Nights)} | {pairs.Count} | {near} | {list} |");
        }

        text.AppendLine();

        static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
        static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
        static DateOnly EndOfMonth(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
    }

    private static (List<TermSchedule> Term, List<TermSchedule> Single, TimeSpan TermTime, TimeSpan SingleTime) Country(
        IReadOnlyList<TermRequest> requests, PlanningParameters parameters, SchoolHolidayCalendar lov, List<(TermSchedule Tours, TimeSpan Time)>? detail = null)
    {
        var term = new List<TermSchedule>();
        var single = new List<TermSchedule>();
        var termTime = TimeSpan.Zero;
        var singleTime = TimeSpan.Zero;
        foreach (var request in requests)
        {
            var scheduler = new TermScheduler(TermWorld.SearchFor(request.Office.Id, parameters, lov));
            var clock = Stopwatch.StartNew();
            term.Add(scheduler.Schedule(request));
            var elapsed = clock.Elapsed;
            termTime += elapsed;
            clock.Restart();
            single.Add(scheduler.OneAtATime(request));
            singleTime += clock.Elapsed;
            detail?.Add((scheduler.Construct(request), elapsed));
        }

        return (term, single, termTime, singleTime);
    }

    private static void Table(StringBuilder text, string caption, IReadOnlyList<TermRequest> requests, PlanningParameters parameters, SchoolHolidayCalendar lov, TextWriter log)
    {
        var detail = new List<(TermSchedule Tours, TimeSpan Time)>();
        var (term, single, termTime, singleTime) = Country(requests, parameters, lov, detail);
        text.AppendLine(CultureInfo.InvariantCulture, $"{caption}: term {termTime.TotalSeconds:F2} s in all (one at a time {singleTime.TotalSeconds:F2} s). \"tours alone\" is the construction with tours; the proposal is the better of it and booking one at a time followed by the same improvement moves (lateness first, then nights, then km).");
        text.AppendLine();
        text.AppendLine("| office | s | due | placed | late (bound) | km | km bound | gap | nights | trips (tours of 2+) | one at a time: placed | late | km | nights | tours alone: late | km | nights | tours |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < term.Count; i++)
        {
            Row(text, term[i].OfficeId, term[i], single[i], detail[i].Tours, detail[i].Time.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        }

        var all = new TermSchedule("all", [], [], Sum(term.Select(t => t.Totals)), new TermBound(term.Sum(t => t.Bound.Late), term.Sum(t => t.Bound.Km)));
        var allSingle = new TermSchedule("all", [], [], Sum(single.Select(t => t.Totals)), all.Bound);
        var allTours = new TermSchedule("all", [], [], Sum(detail.Select(d => d.Tours.Totals)), all.Bound);
        Row(text, "**all**", all, allSingle, allTours, termTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        text.AppendLine();
        var (t, o) = (all.Totals, allSingle.Totals);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Against booking one at a time: {t.Placed} placed ({o.Placed}), {t.Late} late ({o.Late}), {t.Km:F0} km ({o.Km:F0}, {(t.Km - o.Km) / Math.Max(1, o.Km):P1}), {t.Nights} nights ({o.Nights}), {t.TravelHours:F0} travel hours ({o.TravelHours:F0}); slowest office {detail.Max(d => d.Time.TotalSeconds):F2} s.");
        text.AppendLine();
        log.WriteLine($"term {caption}: {termTime.TotalSeconds:F2} s");
    }

    private static void Row(StringBuilder text, string office, TermSchedule t, TermSchedule s, TermSchedule c, string seconds) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {office} | {seconds} | {t.Totals.Huvudman} | {t.Totals.Placed} | {t.Totals.Late} ({t.Bound.Late}) | {t.Totals.Km:F0} | {t.Bound.Km:F0} | {t.KmGap:P0} | {t.Totals.Nights} | {t.Totals.Trips} ({t.Totals.ToursOfSeveral}) | {s.Totals.Placed} | {s.Totals.Late} | {s.Totals.Km:F0} | {s.Totals.Nights} | {c.Totals.Late} | {c.Totals.Km:F0} | {c.Totals.Nights} | {c.Totals.ToursOfSeveral} |");

    private static TermTotals Sum(IEnumerable<TermTotals> totals)
    {
        var list = totals.ToList();
        return new TermTotals(list.Sum(t => t.Huvudman), list.Sum(t => t.Placed), list.Sum(t => t.Unplaced), list.Sum(t => t.Late), list.Sum(t => t.MonthsLate),
            list.Sum(t => t.Km), list.Sum(t => t.TravelHours), list.Sum(t => t.Nights), list.Sum(t => t.Trips), list.Sum(t => t.ToursOfSeveral));
    }
}
