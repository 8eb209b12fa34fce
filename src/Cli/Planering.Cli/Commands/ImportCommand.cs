using System.CommandLine;
using System.Text;
using System.Text.Json;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Import;
using Planering.Cli.Output;
using Spectre.Console;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering import huvudman FILE.csv</c>: loads a real huvudman register through the API, all or nothing (see
/// <see cref="HuvudmanImport"/> for the rule), and reports every rejected row with its line, field and reason.
/// </summary>
public static class ImportCommand
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CommandRunner runner) => new("import", "Load data into Planering") { Huvudman(runner), LovImportCommand.Create(runner) };

    private static Command Huvudman(CommandRunner runner)
    {
        var file = new Argument<string>("FILE") { Description = "CSV, UTF-8: organisation_number,name,type,kommunkod[,latitude,longitude,pupils]" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and say what would change; write nothing" };
        var command = new Command("huvudman", "Import a huvudman register from CSV (all rows or none; a second run of the same file changes nothing)") { file, dryRun };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var path = run.Value(file) ?? string.Empty;
            HuvudmanCsv.Result rows;
            char delimiter;
            try
            {
                var text = CsvReader.ReadUtf8(await File.ReadAllBytesAsync(path, cancellationToken));
                delimiter = CsvReader.DetectDelimiter(text);
                rows = HuvudmanCsv.Read(CsvReader.Parse(text, delimiter), delimiter);
            }
            catch (FileNotFoundException)
            {
                throw new InputException("FILE", $"'{path}' does not exist");
            }
            catch (DirectoryNotFoundException)
            {
                throw new InputException("FILE", $"'{path}' does not exist");
            }
            catch (DecoderFallbackException)
            {
                throw new InputException("FILE", $"'{path}' is not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)");
            }
            catch (FormatException malformed)
            {
                throw new InputException("FILE", malformed.Message);
            }

            var import = new HuvudmanImport(run.Server.Registry, run.Server.Scheduling);
            var report = await import.RunAsync(path, rows, run.Value(dryRun), error => Grpc(error, run), cancellationToken);

            if (run.Json)
            {
                run.Environment.Output.WriteLine(JsonSerializer.Serialize(report, ReportJson));
            }
            else
            {
                Write(run, report, delimiter);
            }

            if (report.Rejected.Count > 0)
            {
                return runner.Fail($"{report.Rejected.Select(r => r.Row).Distinct().Count()} of {report.Rows} rows rejected; nothing was imported", ExitCodes.InvalidInput);
            }

            if (report.StoppedAt is { } stop)
            {
                return runner.Fail($"stopped at line {stop.Row} ({stop.OrganisationNumber}) after writing {report.Written} rows: {stop.Error}", stop.ExitCode);
            }

            return 0;
        });
        return command;
    }

    private static string Grpc(Grpc.Core.RpcException error, Invocation run) => RpcErrorLine.Describe(error, run.ServerAddress);

    private static void Write(Invocation run, ImportReport report, char delimiter)
    {
        var console = run.Console;
        var separator = delimiter == '\t' ? "tab" : $"'{delimiter}'";
        console.Line($"Read {Formats.Count(report.Rows)} rows from {report.File} (UTF-8, {separator}-separated).");
        if (report.IgnoredColumns.Count > 0)
        {
            console.Line($"Ignored column(s): {string.Join(", ", report.IgnoredColumns)}.");
        }

        if (report.Rejected.Count > 0)
        {
            console.Heading($"Rejected: {Formats.Count(report.Rejected.Select(r => r.Row).Distinct().Count())} rows. Nothing was imported; fix them and run the import again.");
            var table = Tables.Create("line", "organisation number", "field", "description");
            table.Columns[0].Alignment = Justify.Right;
            foreach (var r in report.Rejected)
            {
                table.Row(Formats.Count(r.Row), Formats.OrDash(r.OrganisationNumber), r.Field, r.Description);
            }

            console.Write(table);
            return;
        }

        var verb = report.DryRun ? "Would import" : report.StoppedAt is null ? "Imported" : "Stopped";
        console.Line($"{verb}: {Formats.Count(report.New)} new, {Formats.Count(report.Updated)} updated, {Formats.Count(report.Unchanged)} unchanged" +
            (report.DryRun ? " (dry run: nothing written)." : $"; {Formats.Count(report.Written)} written."));
    }
}
