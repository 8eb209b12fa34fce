using System.CommandLine;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering simulate-office</c>: the planner's what-if (PlanningService.SimulateOpenOffice). The server computes it
/// on a copy of the world; nothing live changes until <c>commit-scenario</c>.
/// </summary>
public static class SimulateOfficeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var name = new Option<string>("--name") { Description = "The new office's name, e.g. Umeå", HelpName = "NAME", Required = true };
        var id = new Option<string?>("--id") { Description = "Its office id (slug); derived from the name when absent", HelpName = "OFFICE_ID" };
        var kommun = new Option<string?>("--kommun") { Description = "Where: a kommun code (the office sits at its seat), e.g. 2480", HelpName = "KOMMUNKOD" };
        var latitude = new Option<double?>("--lat") { Description = "Where, instead of --kommun: latitude (WGS84)", HelpName = "DEGREES" };
        var longitude = new Option<double?>("--lon") { Description = "Where, instead of --kommun: longitude (WGS84)", HelpName = "DEGREES" };
        var advisors = new Option<int>("--advisors") { Description = "Full-time advisors at the new office", HelpName = "N", DefaultValueFactory = _ => 6 };
        var opening = new Option<string?>("--opening-date") { Description = "First day of capacity, YYYY-MM-DD", HelpName = "DATE" };
        var command = new Command("simulate-office", "What if an office opened here with this many advisors? Before/after per office, travel saved, huvudmän reassigned, per län")
        {
            name, id, kommun, latitude, longitude, advisors, opening,
        };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new SimulateOpenOfficeRequest
            {
                Name = run.Value(name)?.Trim() ?? string.Empty,
                OfficeId = run.Value(id)?.Trim() ?? string.Empty,
                Advisors = run.Value(advisors),
                OpeningDate = Values.Date(run.Value(opening), "--opening-date") ?? string.Empty,
            };
            if (request.Advisors is < 1 or > 100)
            {
                throw new InputException("--advisors", "must be between 1 and 100");
            }

            var (lat, lon) = (run.Value(latitude), run.Value(longitude));
            if (run.Value(kommun) is { } k)
            {
                if (lat is not null || lon is not null)
                {
                    throw new InputException("--kommun", "give --kommun or --lat/--lon, not both");
                }

                request.Kommunkod = Values.FourDigits(k, "--kommun");
            }
            else if (lat is { } la && lon is { } lo)
            {
                request.Position = new GeoPoint { Latitude = la, Longitude = lo };
            }
            else
            {
                throw new InputException("--kommun", "say where: --kommun KOMMUNKOD, or both --lat and --lon");
            }

            var result = await run.Server.Planning.SimulateOpenOfficeAsync(request, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(result);
                return 0;
            }

            run.Console.Heading($"Scenario {result.ScenarioId}: open {request.Name} ({result.OfficeId}) with {request.Advisors} advisors");
            PlanningViews.WriteScenario(run.Console, result);
            run.Console.Line($"Nothing live has changed. To open it for real: planering commit-scenario {result.ScenarioId} (before {Formats.Instant(result.ExpiresAt)}).");
            return 0;
        });
        return command;
    }
}
