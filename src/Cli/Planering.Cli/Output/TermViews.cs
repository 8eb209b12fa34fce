using System.Globalization;
using Planering.Contracts.V1;
using Spectre.Console;

namespace Planering.Cli.Output;

/// <summary>A term proposal and a commit, as tables and a text chart of the term.</summary>
public static class TermViews
{
    private const int ChartWidth = 40;

    public static void WriteProposal(IAnsiConsole console, ScheduleProposal proposal)
    {
        console.Heading($"Proposal {proposal.ProposalId}: {proposal.FromDate} to {proposal.ToDate} (nothing booked; expires {proposal.ExpiresAt.ToDateTimeOffset():yyyy-MM-dd HH:mm} UTC)");
        var totals = Tables.Create(1, "office", "due", "placed", "late (bound)", "km (bound)", "nights", "travel h", "trips", "tours");
        foreach (var o in proposal.Offices)
        {
            Row(totals, o.OfficeId, o.Totals);
        }

        Row(totals, "all", proposal.Totals);
        console.Write(totals);

        var names = proposal.Offices.SelectMany(o => o.Dialogues).ToDictionary(d => d.HuvudmanId, d => d.HuvudmanName, StringComparer.Ordinal);
        var trips = proposal.Offices.SelectMany(o => o.Trips).OrderBy(t => t.FirstDate, StringComparer.Ordinal).ToList();
        if (trips.Count > 0)
        {
            console.Heading("Trips");
            var table = Tables.Create(3, "office", "days", "advisors", "nights", "km", "travel h", "dialogues");
            foreach (var t in trips)
            {
                table.Row(
                    t.OfficeId, t.FirstDate == t.LastDate ? t.FirstDate : $"{t.FirstDate} – {t.LastDate}", string.Join(", ", t.AdvisorIds),
                    t.Nights.ToString(CultureInfo.InvariantCulture), t.Km.ToString("F0", CultureInfo.InvariantCulture), t.TravelHours.ToString("F1", CultureInfo.InvariantCulture),
                    string.Join(" → ", t.HuvudmanIds.Select(id => names.GetValueOrDefault(id, id))));
            }

            console.Write(table);
        }

        var unplaced = proposal.Offices.SelectMany(o => o.Dialogues).Where(d => d.Slot is null).ToList();
        if (unplaced.Count > 0)
        {
            console.Heading("No slot in the period");
            var table = Tables.Create("huvudman", "office", "due", "reason");
            foreach (var d in unplaced)
            {
                table.Row($"{d.HuvudmanName} ({d.HuvudmanId})", d.OfficeId, d.DueDate, $"{d.ReasonCode}: {d.ReasonSv}");
            }

            console.Write(table);
        }

        WriteChart(console, proposal);
    }

    /// <summary>Per office and month: dialogues held (█ on site, ▒ digital) and how many are late.</summary>
    public static void WriteChart(IAnsiConsole console, ScheduleProposal proposal)
    {
        console.Heading("The term by month (█ on site, ▒ digital)");
        var placed = proposal.Offices.SelectMany(o => o.Dialogues).Where(d => d.Slot is not null).ToList();
        var months = placed.GroupBy(d => (d.OfficeId, Month: d.Slot.Date[..7])).ToDictionary(g => g.Key, g => g.ToList());
        var most = months.Count == 0 ? 1 : months.Values.Max(m => m.Count);
        foreach (var office in proposal.Offices.Where(o => o.Dialogues.Any(d => d.Slot is not null)))
        {
            console.Line(office.OfficeId);
            foreach (var month in months.Keys.Where(k => k.OfficeId == office.OfficeId).Select(k => k.Month).Order(StringComparer.Ordinal))
            {
                var list = months[(office.OfficeId, month)];
                var onSite = list.Count(d => d.Mode == DialogueMode.OnSite);
                var scale = (double)ChartWidth / most;
                var bar = new string('█', (int)Math.Round(onSite * scale)) + new string('▒', (int)Math.Round((list.Count - onSite) * scale));
                var late = list.Count(d => d.MonthsLate > 0);
                console.Line($"  {month} {bar.PadRight(ChartWidth)} {list.Count,3}{(late > 0 ? $" ({late} late)" : string.Empty)}");
            }
        }
    }

    public static void WriteCommit(IAnsiConsole console, CommitScheduleResponse result)
    {
        console.Heading($"Proposal {result.ProposalId}: {result.Booked} booked, {result.AlreadyBooked} already booked, {result.Taken} taken meanwhile, {result.Refused} refused");
        var problems = result.Dialogues.Where(d => d.Outcome is "TAKEN" or "REFUSED").ToList();
        if (problems.Count == 0)
        {
            return;
        }

        var table = Tables.Create("huvudman", "office", "outcome", "rule", "next free slot");
        foreach (var d in problems)
        {
            table.Row(d.HuvudmanId, d.OfficeId, d.Outcome, d.Code,
                d.NextDate.Length > 0 ? $"{d.NextDate} {d.NextLocalStart} ({string.Join(", ", d.NextAdvisorIds)})" : string.Empty);
        }

        console.Write(table);
    }

    private static void Row(Spectre.Console.Table table, string office, ScheduleTotals t) =>
        table.Row(
            office, t.Huvudman.ToString(CultureInfo.InvariantCulture), t.Placed.ToString(CultureInfo.InvariantCulture), $"{t.Late} ({t.BoundLate})",
            string.Create(CultureInfo.InvariantCulture, $"{t.Km:F0} ({t.BoundKm:F0})"), t.Nights.ToString(CultureInfo.InvariantCulture), t.TravelHours.ToString("F1", CultureInfo.InvariantCulture),
            t.Trips.ToString(CultureInfo.InvariantCulture), t.Tours.ToString(CultureInfo.InvariantCulture));
}
