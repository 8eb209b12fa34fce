using System.CommandLine;
using Planering.Cli.Hosting;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary><c>planering plan</c>: the live plan, per office (PlanningService.GetPlan, or Rebalance with --rebalance).</summary>
public static class PlanCommand
{
    public static Command Create(CommandRunner runner)
    {
        var rebalance = new Option<bool>("--rebalance") { Description = "Re-solve the live assignment first (PlanningService.Rebalance)" };
        var command = new Command("plan", "The live plan: per office load against capacity, travel, months to cover every huvudman") { rebalance };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var planning = run.Server.Planning;
            var plan = run.Value(rebalance)
                ? await planning.RebalanceAsync(new RebalanceRequest(), cancellationToken: cancellationToken)
                : await planning.GetPlanAsync(new GetPlanRequest(), cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(plan);
                return 0;
            }

            PlanningViews.WritePlan(run.Console, plan);
            return 0;
        });
        return command;
    }
}
