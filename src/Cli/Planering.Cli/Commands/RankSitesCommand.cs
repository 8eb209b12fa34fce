using System.CommandLine;
using Grpc.Core;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Output;
using Planering.Contracts.V1;
using Spectre.Console;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering rank-sites</c>: where should the next office be (PlanningService.RankOfficeSites)? The server streams
/// its progress over every kommun; the bar follows those messages, and the last one carries the two rankings.
/// </summary>
public static class RankSitesCommand
{
    public static Command Create(CommandRunner runner)
    {
        var k = new Option<int>("--k") { Description = "How many sites per ranking, 1–50", HelpName = "N", DefaultValueFactory = _ => 5 };
        var advisors = new Option<int>("--advisors") { Description = "Full-time advisors at the new office", HelpName = "N", DefaultValueFactory = _ => 6 };
        var command = new Command("rank-sites", "Rank every kommun as the next office's site: by travel saved and by time to cover every huvudman") { k, advisors };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new RankOfficeSitesRequest { K = run.Value(k), Advisors = run.Value(advisors) };
            if (request.K is < 1 or > 50)
            {
                throw new InputException("--k", "must be between 1 and 50");
            }

            if (request.Advisors is < 1 or > 100)
            {
                throw new InputException("--advisors", "must be between 1 and 100");
            }

            using var call = run.Server.Planning.RankOfficeSites(request, cancellationToken: cancellationToken);
            RankOfficeSitesProgress? last = null;
            if (run.Json)
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    last = message;
                }
            }
            else if (!run.Console.Profile.Capabilities.Interactive)
            {
                // A pipe or a log file gets no live bar (Spectre draws none there): a line per tenth of the way instead,
                // on standard error, so that standard output holds the ranking alone (for a file, or the next command).
                var (reportedTenth, reported) = (-1, -1);
                await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    last = message;
                    var tenth = message.Total > 0 ? message.Evaluated * 10 / message.Total : 0;
                    if (tenth > reportedTenth || (message.Done && message.Evaluated != reported))
                    {
                        (reportedTenth, reported) = (tenth, message.Evaluated);
                        run.Note($"{message.Evaluated}/{message.Total} kommuner evaluated");
                    }
                }
            }
            else
            {
                await run.Console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("kommuner evaluated", maxValue: 1);
                        await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                        {
                            last = message;
                            if (message.Total > 0)
                            {
                                task.MaxValue = message.Total;
                                task.Value = message.Evaluated;
                                task.Description = $"{message.Evaluated}/{message.Total} kommuner evaluated";
                            }
                        }

                        task.Value = task.MaxValue;
                        task.StopTask();
                    });
            }

            if (last is not { Done: true })
            {
                throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "the ranking stream ended before its final message"));
            }

            if (run.Json)
            {
                run.WriteJson(last);
                return 0;
            }

            PlanningViews.WriteSites(run.Console, $"Top {request.K} by travel saved ({request.Advisors} advisors)", last.ByTravelSaved);
            PlanningViews.WriteSites(run.Console, $"Top {request.K} by time to cover every huvudman", last.ByTimeToCover);
            return 0;
        });
        return command;
    }
}
