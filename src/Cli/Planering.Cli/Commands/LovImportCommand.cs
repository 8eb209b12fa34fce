using System.CommandLine;
using Grpc.Core;
using Planering.Cli.Hosting;
using Planering.Cli.Import;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering import lov FILE.csv</c>: loads published school calendars (läsårstider) in one call that the server
/// applies whole or not at all. Every row is checked here first; what only the server knows is checked by that one
/// call, and a refused row is reported by its line. A second run of the same file writes nothing.
/// </summary>
public static class LovImportCommand
{
    private static readonly CsvImportCommand.Spec Spec = new(
        "lov",
        "Import published school calendars (läsårstider) from CSV: all rows or none, in one call",
        "CSV, UTF-8: kommunkod,school_year,kind,first_day,last_day[,organisation_number]",
        LovCsv.Required, LovCsv.Optional, "kommun", "changed", " in one step");

    public static Command Create(CommandRunner runner) => CsvImportCommand.Create(runner, Spec, ImportAsync);

    private static async Task<ImportReport> ImportAsync(Invocation run, CsvTable table, ImportReport report, CancellationToken cancellationToken)
    {
        var rows = LovCsv.Read(table);
        if (rows.Rejections.Count > 0)
        {
            return report with { Rejected = CsvImportCommand.Ordered(rows.Rejections) };
        }

        var request = new ImportSchoolCalendarsRequest { DryRun = report.DryRun };
        request.Rows.AddRange(rows.Rows.Select(r => r.Request));
        try
        {
            var result = await run.Server.Scheduling.ImportSchoolCalendarsAsync(request, cancellationToken: cancellationToken);
            return report with
            {
                New = result.NewRows,
                Changed = result.ChangedRows,
                Unchanged = result.UnchangedRows,
                Written = result.DryRun ? 0 : result.NewRows + result.ChangedRows,
            };
        }
        catch (RpcException error) when (CsvImportCommand.FromServer(error, rows.Rows.Count, i => (rows.Rows[i].Line, rows.Rows[i].Request.Kommunkod)) is { } rejected)
        {
            return report with { Rejected = rejected };
        }
    }
}
