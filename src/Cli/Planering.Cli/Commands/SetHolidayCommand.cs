using System.CommandLine;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering set-holiday</c>: a kommun's own dates for one lov in one year (SchedulingService.SetSchoolHoliday),
/// replacing the default rule (e.g. the län's sportlov week); then the kommun's holidays of that year as they now are.
/// </summary>
public static class SetHolidayCommand
{
    public static Command Create(CommandRunner runner)
    {
        var kommun = HolidaysCommand.KommunArgument();
        var lov = new Option<string>("--lov") { Description = $"Which lov: {string.Join(", ", Values.LovNames)}", HelpName = "LOV", Required = true };
        var year = new Option<int?>("--year") { Description = "The year the lov falls in (jullov: the year it starts); with --from, its year by default", HelpName = "YEAR" };
        var week = new Option<int?>("--week") { Description = "An ISO week, Monday–Friday (sportlov, pasklov, hostlov only)", HelpName = "WEEK" };
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD (with --to, instead of --week)", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD, included", HelpName = "DATE" };
        var command = new Command("set-holiday", "Set a kommun's own dates for one lov in one year, replacing the default rule") { kommun, lov, year, week, from, to };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new SetSchoolHolidayRequest
            {
                Kommunkod = Values.FourDigits(run.Value(kommun), "KOMMUNKOD"),
                Kind = Values.Lov(run.Value(lov), "--lov"),
            };
            var (start, end) = (Values.Date(run.Value(from), "--from"), Values.Date(run.Value(to), "--to"));
            if (run.Value(week) is { } w)
            {
                if (start is not null || end is not null)
                {
                    throw new InputException("--week", "give either --week or --from and --to, not both");
                }

                if (request.Kind is LovKind.Sommarlov or LovKind.Jullov)
                {
                    throw new InputException("--week", "sommarlov and jullov last longer than a week: give --from and --to");
                }

                request.Week = w is >= 1 and <= 53 ? w : throw new InputException("--week", "must be an ISO week 1–53");
                request.Year = run.Value(year) ?? throw new InputException("--year", "is required with --week");
            }
            else
            {
                request.StartDate = start ?? throw new InputException("--from", "give --from and --to, or --week");
                request.EndDate = end ?? throw new InputException("--to", "is required with --from");
                if (string.CompareOrdinal(request.EndDate, request.StartDate) < 0)
                {
                    throw new InputException("--to", "must not be before --from");
                }

                var startYear = int.Parse(request.StartDate[..4], System.Globalization.CultureInfo.InvariantCulture);
                request.Year = run.Value(year) ?? startYear;
                if (request.Year != startYear)
                {
                    throw new InputException("--from", $"must lie in {request.Year}, the year the lov belongs to");
                }
            }

            var holidays = await run.Server.Scheduling.SetSchoolHolidayAsync(request, cancellationToken: cancellationToken);
            return HolidaysCommand.Show(run, holidays);
        });
        return command;
    }
}
