using Planering.Contracts.V1;
using Spectre.Console;

namespace Planering.Cli.Output;

/// <summary>How offices and their staff read in the terminal.</summary>
public static class RegistryViews
{
    /// <summary>A row per office: where it is and how many advisors it has; a total row when there are several.</summary>
    public static void WriteOffices(IAnsiConsole console, IReadOnlyCollection<Office> offices)
    {
        var table = Tables.Create(4, "id", "name", "kommun", "län", "advisors", "total FTE");
        foreach (var office in offices)
        {
            table.Row(office.OfficeId, office.Name, $"{office.Kommun} ({office.Kommunkod})", office.Lan, Formats.Count(office.Advisors.Count), Formats.Number(office.TotalFte, 1));
        }

        if (offices.Count > 1)
        {
            table.Row("all", $"{offices.Count} offices", "", "", Formats.Count(offices.Sum(o => o.Advisors.Count)), Formats.Number(offices.Sum(o => o.TotalFte), 1));
        }

        console.Write(table);
    }

    /// <summary>One office as <c>offices</c> shows it, then its advisors: FTE, working days and absences.</summary>
    public static void WriteOffice(IAnsiConsole console, Office office)
    {
        WriteOffices(console, [office]);
        var table = Tables.Create("advisor", "name", "FTE", "working days", "absences");
        table.Columns[2].Alignment = Justify.Right;
        foreach (var a in office.Advisors)
        {
            table.Row(a.AdvisorId, Formats.OrDash(a.Name), Formats.Number(a.Fte, 2), Formats.Weekdays(a.WorkingDays),
                a.Absences.Count == 0 ? "-" : string.Join("; ", a.Absences.Select(x => $"{x.StartDate}–{x.EndDate}" + (x.Reason.Length > 0 ? $" {x.Reason}" : ""))));
        }

        console.Write(table);
    }
}
