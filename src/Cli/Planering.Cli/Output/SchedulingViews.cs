using System.Globalization;
using Planering.Contracts.V1;
using Spectre.Console;

namespace Planering.Cli.Output;

/// <summary>How slots, rejection reasons and dialogues read in the terminal.</summary>
public static class SchedulingViews
{
    /// <summary>One line: where, when, how, and who.</summary>
    public static string Describe(Slot slot) =>
        $"{slot.OfficeId} {slot.Date} {slot.LocalStart}–{slot.LocalEnd} {Formats.Mode(slot.Mode)} with {string.Join(" and ", slot.AdvisorIds)}";

    public static void WriteSlot(IAnsiConsole console, Slot slot)
    {
        var table = Tables.Create("slot", "")
            .Row("office", slot.OfficeId)
            .Row("date", slot.Date)
            .Row("time", $"{slot.LocalStart}–{slot.LocalEnd} (Europe/Stockholm)")
            .Row("mode", Formats.Mode(slot.Mode) + (slot.SpsmParticipation ? ", with SPSM" : ""))
            .Row("advisors", string.Join(", ", slot.AdvisorIds))
            .Row("dialogue", $"{Formats.Number(slot.DialogueHours, 1)} h")
            .Row("preparation", $"{Formats.Number(slot.PreparationHours, 1)} h, analysunderlag sent by {slot.PreparationDeadline}");
        if (slot.Mode == DialogueMode.OnSite)
        {
            table.Row("travel", $"{Formats.Number(slot.TravelHours, 1)} h there and back, {Formats.Number(slot.TravelKm, 0)} km by road"
                + (slot.Ferry.Length > 0 ? $", ferry {slot.Ferry}" : ""));
            table.Row("trip", $"away {slot.TravelOutDate} {slot.TravelOutLocalStart} – {slot.TravelBackDate} {slot.TravelBackLocalEnd}"
                + (slot.NightsAway > 0 ? $", {slot.NightsAway} night{(slot.NightsAway == 1 ? "" : "s")} away" : ", no night away"));
        }

        console.Write(table);
    }

    public static void WriteRejections(IAnsiConsole console, IReadOnlyCollection<Rejection> rejections)
    {
        if (rejections.Count == 0)
        {
            console.Line("No earlier day was rejected.");
            return;
        }

        console.Heading("Why earlier days were rejected");
        var table = Tables.Create("rule", "days", "from", "to", "skäl", "reason", "example");
        table.Columns[1].Alignment = Justify.Right;
        foreach (var r in rejections)
        {
            table.Row(r.Code, Formats.Count(r.Days), r.FirstDate, r.LastDate, r.ReasonSv, r.ReasonEn, Formats.OrDash(r.Example));
        }

        console.Write(table);
    }

    public static void WriteAlternatives(IAnsiConsole console, IReadOnlyCollection<Slot> alternatives)
    {
        if (alternatives.Count == 0)
        {
            return;
        }

        console.Heading("Earlier at other offices");
        var table = Tables.Create("office", "date", "time", "mode", "advisors");
        foreach (var a in alternatives)
        {
            table.Row(a.OfficeId, a.Date, $"{a.LocalStart}–{a.LocalEnd}", Formats.Mode(a.Mode), string.Join(", ", a.AdvisorIds));
        }

        console.Write(table);
    }

    public static void WriteDialogue(IAnsiConsole console, Dialogue dialogue)
    {
        var table = Tables.Create("dialogue", "")
            .Row("id", dialogue.DialogueId)
            .Row("status", Formats.Status(dialogue.Status))
            .Row("huvudman", $"{dialogue.HuvudmanName} ({dialogue.HuvudmanId})")
            .Row("slot", dialogue.Slot is null ? "-" : Describe(dialogue.Slot))
            .Row("request id", Formats.OrDash(dialogue.RequestId))
            .Row("booked at", Formats.Instant(dialogue.BookedAt));
        if (dialogue.Status == DialogueStatus.Cancelled)
        {
            table.Row("cancelled at", Formats.Instant(dialogue.CancelledAt)).Row("reason", Formats.OrDash(dialogue.CancelReason));
        }

        console.Write(table);
    }

    /// <summary>A kommun's lov periods in one year, with where each one's dates come from.</summary>
    public static void WriteHolidays(IAnsiConsole console, SchoolHolidays holidays)
    {
        console.Heading($"School holidays (lov) of kommun {holidays.Kommunkod} in {holidays.Year}");
        var table = Tables.Create("lov", "from", "to", "days", "set by");
        table.Columns[3].Alignment = Justify.Right;
        foreach (var p in holidays.Periods)
        {
            var days = DateOnly.TryParse(p.StartDate, CultureInfo.InvariantCulture, out var start) && DateOnly.TryParse(p.EndDate, CultureInfo.InvariantCulture, out var end)
                ? Formats.Count(end.DayNumber - start.DayNumber + 1)
                : "-";
            table.Row(Formats.Lov(p.Kind), p.StartDate, p.EndDate, days, p.Source switch
            {
                LovSource.KommunRule => "kommun rule",
                LovSource.Imported => "imported",
                _ => "default rule",
            });
        }

        console.Write(table);
    }
}
