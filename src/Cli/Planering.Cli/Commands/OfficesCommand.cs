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

            RegistryViews.WriteOffices(run.Console, response.Offices);
            return 0;
        });
        return command;
    }
}
