using System.CommandLine;
using Planering.Cli.Hosting;
using Planering.Cli.Import;
using Planering.Cli.Output;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering import huvudman FILE.csv</c>: loads a real huvudman register through the server's batch import, all
/// or nothing (see <see cref="HuvudmanImport"/>), and reports every rejected row with its line, field and reason.
/// </summary>
public static class ImportCommand
{
    private static readonly CsvImportCommand.Spec Spec = new(
        "huvudman",
        "Import a huvudman register from CSV (all rows or none, applied by the server in one step; a second run of the same file changes nothing)",
        "CSV, UTF-8: organisation_number,name,type,kommunkod[,latitude,longitude,pupils]",
        HuvudmanCsv.Required, HuvudmanCsv.Optional, "organisation number", "updated", string.Empty);

    public static Command Create(CommandRunner runner) =>
        new("import", "Load data into Planering") { CsvImportCommand.Create(runner, Spec, ImportAsync), LovImportCommand.Create(runner) };

    private static Task<ImportReport> ImportAsync(Invocation run, CsvTable table, ImportReport report, CancellationToken cancellationToken)
    {
        var rows = HuvudmanCsv.Read(table);

        // A register bigger than one message shows how far the upload got, on standard error (never mixed into JSON).
        Action<int, int>? progress = rows.Rows.Count > HuvudmanImport.RowsPerMessage
            ? (sent, total) => run.Note(sent < total
                ? $"sent {Formats.Count(sent)}/{Formats.Count(total)} rows"
                : $"sent all {Formats.Count(total)} rows; the server checks and applies them")
            : null;
        return new HuvudmanImport(run.Server.Registry).RunAsync(rows, report, progress, cancellationToken);
    }
}
