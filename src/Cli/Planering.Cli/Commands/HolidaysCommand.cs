using System.CommandLine;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary><c>planering holidays</c>: a kommun's lov periods in a year, the defaults and its own dates (SchedulingService.GetSchoolHolidays).</summary>
public static class HolidaysCommand
{
    public static Command Create(CommandRunner runner)
    {
        var kommun = KommunArgument();
        var year = new Option<int?>("--year") { Description = "The calendar year (default: this year, as the server's clock has it)", HelpName = "YEAR" };
        var command = new Command("holidays", "A kommun's school holidays (lov) in a year: the default rule's and the kommun's own") { kommun, year };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new GetSchoolHolidaysRequest { Kommunkod = Values.FourDigits(run.Value(kommun), "KOMMUNKOD") };
            if (run.Value(year) is { } y)
            {
                request.Year = y > 0 ? y : throw new InputException("--year", "must be a calendar year, e.g. 2027");
            }

            return Show(run, await run.Server.Scheduling.GetSchoolHolidaysAsync(request, cancellationToken: cancellationToken));
        });
        return command;
    }

    internal static Argument<string> KommunArgument() => new("KOMMUNKOD") { Description = "The kommun's four-digit code (SCB), e.g. 0180 for Stockholm" };

    internal static int Show(Invocation run, SchoolHolidays holidays)
    {
        if (run.Json)
        {
            run.WriteJson(holidays);
        }
        else
        {
            SchedulingViews.WriteHolidays(run.Console, holidays);
        }

        return 0;
    }
}
