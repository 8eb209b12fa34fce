using System.CommandLine;
using Planering.Cli.Commands;
using Planering.Cli.Errors;

namespace Planering.Cli.Hosting;

/// <summary>
/// The <c>planering</c> command line: builds the command tree for one environment and runs it. Tests call
/// <see cref="RunAsync"/> with their own writers, exactly as <c>Program</c> does with the console's.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions(environment);
        var runner = new CommandRunner(environment, globals);
        var root = new RootCommand("Planering: plan Skolverket's quality dialogues with every huvudman, over the gRPC API.")
        {
            globals.Server,
            globals.Token,
            globals.Json,
            OfficesCommand.Create(runner),
            SetStaffingCommand.Create(runner),
            HuvudmanCommands.Create(runner),
            NextSlotCommand.Create(runner),
            BookCommand.Create(runner),
            CancelCommand.Create(runner),
            DialoguesCommand.Create(runner),
            HolidaysCommand.Create(runner),
            SetHolidayCommand.Create(runner),
            PlanCommand.Create(runner),
            SimulateOfficeCommand.Create(runner),
            ParametersCommands.Show(runner),
            ParametersCommands.Set(runner),
            CommitScenarioCommand.Create(runner),
            RankSitesCommand.Create(runner),
            ForecastCommand.Create(runner),
            WatchForecastCommand.Create(runner),
            ImportCommand.Create(runner),
            TermScheduleCommands.Propose(runner),
            TermScheduleCommands.Commit(runner),
            InvitationCommands.Propose(runner),
            InvitationCommands.Commit(runner),
            InvitationCommands.Answer(runner),
            InvitationCommands.Coverage(runner),
            InvitationCommands.BookIntroduction(runner),
            InvitationCommands.Introductions(runner),
            InvitationCommands.CancelIntroduction(runner),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, as for every other failure; the full help is one --help away.
            var errors = string.Join("; ", parse.Errors.Select(e => OneLine(e.Message)));
            return runner.Fail($"{errors} (see 'planering {CommandPath(parse)}--help')", ExitCodes.InvalidInput);
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Output, Error = environment.Error }, cancellationToken);
    }

    /// <summary>A multi-line parse message (a list of allowed values) as one line: "…one of: 'a', 'b'".</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length <= 1 ? message.Trim().TrimEnd('.') : $"{lines[0]} {string.Join(", ", lines.Skip(1))}";
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return names.Count == 0 ? string.Empty : string.Join(' ', names) + " ";
    }
}
