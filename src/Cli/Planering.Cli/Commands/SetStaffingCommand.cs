using System.CommandLine;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering set-staffing</c>: replaces an office's advisors (RegistryService.SetStaffing), then shows the office as
/// it now is. The staff is given whole on one command line, so the command says exactly what the office will have.
/// </summary>
public static class SetStaffingCommand
{
    public static Command Create(CommandRunner runner)
    {
        var office = new Argument<string>("OFFICE_ID") { Description = "The office whose staff is replaced, e.g. lulea" };
        var advisors = new Option<string[]>(StaffingInput.AdvisorOption)
        {
            Description = "An advisor, ID:NAME:FTE[:DAYS]; FTE in (0, 1]; DAYS like mon-thu or mon,wed (default: mon–fri). Repeat for each advisor",
            HelpName = "ID:NAME:FTE[:DAYS]",
        };
        var absences = new Option<string[]>(StaffingInput.AbsenceOption)
        {
            Description = "An absence of one of the advisors, ID:FROM:TO[:REASON], dates YYYY-MM-DD, both included. Repeatable",
            HelpName = "ID:FROM:TO[:REASON]",
        };
        var command = new Command("set-staffing", "Replace an office's advisors: FTE, working days and absences") { office, advisors, absences };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new SetStaffingRequest { OfficeId = run.Value(office)?.Trim() ?? string.Empty };
            request.Advisors.AddRange(StaffingInput.Advisors(run.Value(advisors) ?? [], run.Value(absences) ?? []));
            var changed = await run.Server.Registry.SetStaffingAsync(request, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(changed);
                return 0;
            }

            RegistryViews.WriteOffice(run.Console, changed);
            return 0;
        });
        return command;
    }
}
