using System.CommandLine;
using Planering.Cli.Hosting;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary><c>planering offices</c>: the regional offices and their staffing (RegistryService.ListOffices).</summary>
public static class OfficesCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("offices", "List the regional offices: where they are and how many advisors they have");
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var response = await run.Server.Registry.ListOfficesAsync(new ListOfficesRequest(), cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(response);
                return 0;
            }

            var table = Tables.Create(4, "id", "name", "kommun", "län", "advisors", "total FTE");
            foreach (var office in response.Offices)
            {
                table.Row(office.OfficeId, office.Name, $"{office.Kommun} ({office.Kommunkod})", office.Lan, Formats.Count(office.Advisors.Count), Formats.Number(office.TotalFte, 1));
            }

            table.Row("all", $"{response.Offices.Count} offices", "", "", Formats.Count(response.Offices.Sum(o => o.Advisors.Count)), Formats.Number(response.Offices.Sum(o => o.TotalFte), 1));
            run.Console.Write(table);
            return 0;
        });
        return command;
    }
}
