using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Rpc;
using Grpc.Core;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Import;
using Planering.Cli.Output;
using Planering.Contracts.V1;
using Spectre.Console;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering import lov FILE.csv</c>: loads published school calendars (läsårstider) in one call that the server
/// applies whole or not at all. Every row is checked here first; what only the server knows is checked by that one
/// call, and a refused row is reported by its line. A second run of the same file writes nothing.
/// </summary>
public static partial class LovImportCommand
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>What the import did, printed as text or as JSON.</summary>
    public sealed record Report(string File, int Rows, int New, int Changed, int Unchanged, int Written, bool DryRun,
        IReadOnlyList<string> IgnoredColumns, IReadOnlyList<RowRejection> Rejected);

    public static Command Create(CommandRunner runner)
    {
        var file = new Argument<string>("FILE") { Description = "CSV, UTF-8: kommunkod,school_year,kind,first_day,last_day[,organisation_number]" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and say what would change; write nothing" };
        var command = new Command("lov", "Import published school calendars (läsårstider) from CSV: all rows or none, in one call") { file, dryRun };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var path = run.Value(file) ?? string.Empty;
            var (rows, delimiter) = await ReadAsync(path, cancellationToken);
            var report = new Report(path, rows.RowsRead, 0, 0, 0, 0, run.Value(dryRun), rows.IgnoredColumns, rows.Rejections);
            if (rows.Rejections.Count == 0)
            {
                report = await ImportAsync(run, rows, report, cancellationToken);
            }

            if (run.Json)
            {
                run.Environment.Output.WriteLine(JsonSerializer.Serialize(report, ReportJson));
            }
            else
            {
                Write(run, report, delimiter);
            }

            return report.Rejected.Count > 0
                ? runner.Fail($"{report.Rejected.Select(r => r.Row).Distinct().Count()} of {report.Rows} rows rejected; nothing was imported", ExitCodes.InvalidInput)
                : 0;
        });
        return command;
    }

    private static async Task<Report> ImportAsync(Invocation run, LovCsv.Result rows, Report report, CancellationToken cancellationToken)
    {
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
        catch (RpcException error) when (error.StatusCode == StatusCode.InvalidArgument && error.GetRpcStatus()?.GetDetail<BadRequest>() is { } bad)
        {
            // The server names rows by their place in the call; the user knows them by their line in the file.
            var rejected = bad.FieldViolations.Select(v =>
            {
                var match = RowField().Match(v.Field);
                if (!match.Success)
                {
                    return new RowRejection(0, string.Empty, v.Field, v.Description);
                }

                var row = rows.Rows[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)];
                return new RowRejection(row.Line, row.Request.Kommunkod, match.Groups[2].Value, v.Description);
            });
            return report with { Rejected = rejected.OrderBy(r => r.Row).ThenBy(r => r.Field, StringComparer.Ordinal).ToList() };
        }
    }

    private static async Task<(LovCsv.Result Rows, char Delimiter)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var text = CsvReader.ReadUtf8(await File.ReadAllBytesAsync(path, cancellationToken));
            var delimiter = CsvReader.DetectDelimiter(text);
            return (LovCsv.Read(CsvReader.Parse(text, delimiter), delimiter), delimiter);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
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
    }

    private static void Write(Invocation run, Report report, char delimiter)
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
            var table = Tables.Create("line", "kommun", "field", "description");
            table.Columns[0].Alignment = Justify.Right;
            foreach (var r in report.Rejected)
            {
                table.Row(r.Row == 0 ? "-" : Formats.Count(r.Row), Formats.OrDash(r.OrganisationNumber), r.Field, r.Description);
            }

            console.Write(table);
            return;
        }

        var verb = report.DryRun ? "Would import" : "Imported";
        console.Line($"{verb}: {Formats.Count(report.New)} new, {Formats.Count(report.Changed)} changed, {Formats.Count(report.Unchanged)} unchanged" +
            (report.DryRun ? " (dry run: nothing written)." : $"; {Formats.Count(report.Written)} written in one step."));
    }

    [GeneratedRegex(@"^rows\[(\d+)\]\.(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RowField();
}
