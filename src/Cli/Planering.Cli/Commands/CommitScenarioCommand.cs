using System.CommandLine;
using Planering.Cli.Hosting;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary><c>planering commit-scenario</c>: makes a simulated office real (PlanningService.CommitScenario).</summary>
public static class CommitScenarioCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<string>("SCENARIO_ID") { Description = "The scenario id simulate-office printed" };
        var command = new Command("commit-scenario", "Apply a simulated office to the live plan: open it with its staff and move its huvudmän") { id };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var plan = await run.Server.Planning.CommitScenarioAsync(new CommitScenarioRequest { ScenarioId = run.Value(id)?.Trim() ?? string.Empty }, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(plan);
                return 0;
            }

            run.Console.Heading("Committed; the live plan is now:");
            PlanningViews.WritePlan(run.Console, plan);
            return 0;
        });
        return command;
    }
}
