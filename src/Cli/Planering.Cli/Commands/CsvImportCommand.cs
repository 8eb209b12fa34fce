using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Rpc;
using Grpc.Core;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Import;
using Planering.Cli.Output;
using Spectre.Console;

namespace Planering.Cli.Commands;

/// <summary>
/// The one shape of the import commands: read the file (<see cref="CsvTable"/>), check every row here, send the rows in
/// one import that the server applies whole or not at all, and report every rejected row by its line, field and reason,
/// as a table or as JSON. Each import supplies only its columns, its row checks and its call.
/// </summary>
public static partial class CsvImportCommand
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>What differs between imports: names, columns, and the words of the summary.</summary>
    /// <param name="KeyTitle">The heading of the rejection table's second column (the row's key).</param>
    /// <param name="ChangedWord">How the summary calls rows that change something already stored.</param>
    /// <param name="WrittenNote">Ends the summary after the number written, e.g. "" or " in one step".</param>
    public sealed record Spec(
        string Name, string Description, string FileDescription, IReadOnlyList<string> Required, IReadOnlyList<string> Optional,
        string KeyTitle, string ChangedWord, string WrittenNote);

    /// <summary>The import itself: checks the table's rows and sends them, filling in the report it is given.</summary>
    public delegate Task<ImportReport> Run(Invocation run, CsvTable table, ImportReport report, CancellationToken cancellationToken);

    public static Command Create(CommandRunner runner, Spec spec, Run import)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(spec);
        var file = new Argument<string>("FILE") { Description = spec.FileDescription };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and say what would change; write nothing" };
        var command = new Command(spec.Name, spec.Description) { file, dryRun };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var path = run.Value(file) ?? string.Empty;
            var table = await CsvTable.ReadFileAsync(path, spec.Required, spec.Optional, cancellationToken);
            var start = new ImportReport { File = path, Rows = table.Records.Count, DryRun = run.Value(dryRun), IgnoredColumns = table.IgnoredColumns };
            var report = await import(run, table, start, cancellationToken);

            if (run.Json)
            {
                run.Environment.Output.WriteLine(JsonSerializer.Serialize(report, ReportJson));
            }
            else
            {
                Write(run, spec, report, table.Delimiter);
            }

            return report.Rejected.Count > 0
                ? runner.Fail($"{report.Rejected.Select(r => r.Row).Distinct().Count()} of {report.Rows} rows rejected; nothing was imported", ExitCodes.InvalidInput)
                : 0;
        });
        return command;
    }

    /// <summary>Rejections in line order, as the report lists them.</summary>
    public static IReadOnlyList<RowRejection> Ordered(IEnumerable<RowRejection> rejections) =>
        rejections.OrderBy(r => r.Row).ThenBy(r => r.Field, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The server's refusal of an import as rejected rows: it names rows by their place in the call (<c>rows[i].field</c>),
    /// the user knows them by their line in the file. Null when the error is not such a refusal.
    /// </summary>
    /// <param name="rowAt">The line and key (organisation number, kommun) of the i-th row sent.</param>
    public static IReadOnlyList<RowRejection>? FromServer(RpcException error, int rowsSent, Func<int, (int Line, string Key)> rowAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(rowAt);
        if (error.StatusCode != StatusCode.InvalidArgument || error.GetRpcStatus()?.GetDetail<BadRequest>() is not { } bad)
        {
            return null;
        }

        return Ordered(bad.FieldViolations.Select(v =>
        {
            var match = RowField().Match(v.Field);
            if (!match.Success || int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var index && index >= rowsSent)
            {
                return new RowRejection(0, string.Empty, v.Field, v.Description);
            }

            var (line, key) = rowAt(index);
            return new RowRejection(line, key, match.Groups[2].Value, v.Description);
        }));
    }

    private static void Write(Invocation run, Spec spec, ImportReport report, char delimiter)
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
            var table = Tables.Create("line", spec.KeyTitle, "field", "description");
            table.Columns[0].Alignment = Justify.Right;
            foreach (var r in report.Rejected)
            {
                table.Row(r.Row == 0 ? "-" : Formats.Count(r.Row), Formats.OrDash(r.OrganisationNumber), r.Field, r.Description);
            }

            console.Write(table);
            return;
        }

        var verb = report.DryRun ? "Would import" : "Imported";
        var counts = $"{verb}: {Formats.Count(report.New)} new, {Formats.Count(report.Changed)} {spec.ChangedWord}, {Formats.Count(report.Unchanged)} unchanged";
        console.Line(counts + (report.DryRun ? " (dry run: nothing written)." : $"; {Formats.Count(report.Written)} written{spec.WrittenNote}."));
        if (report.Replayed)
        {
            console.Line("The server had imported these very rows before.");
        }
    }

    [GeneratedRegex(@"^rows\[(\d+)\]\.(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RowField();
}
