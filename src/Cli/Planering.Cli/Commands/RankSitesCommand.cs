using System.CommandLine;
using Grpc.Core;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
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
        var sites = new Option<int>("--sites") { Description = "Open this many offices together (a wave, 2–6) and show their combined effect", HelpName = "N" };
        var all = new Option<bool>("--include-ineligible") { Description = "Rank every kommun, also those that break a siting rule (each shows its verdicts)" };
        var noLarosate = new Option<bool>("--no-larosate") { Description = "Do not require a lärosäte near the site (default: required)" };
        var larosateKm = new Option<double?>("--max-larosate-km") { Description = "How near the lärosäte must be (default 25 km)", HelpName = "KM" };
        var spreadKm = new Option<double?>("--min-office-distance-km") { Description = "No office nearer than this (default 80 km)", HelpName = "KM" };
        var noSpsm = new Option<bool>("--no-spsm-preference") { Description = "Do not rank SPSM's sites first (default: preferred)" };
        var spsm = new Option<string[]>("--spsm") { Description = "A kommun where SPSM has premises (repeat or comma-separate; default: the co-located offices' kommuner)", HelpName = "KOMMUNKOD" };
        var exclude = new Option<string[]>("--exclude") { Description = "A kommun to rule out (repeat or comma-separate)", HelpName = "KOMMUNKOD" };
        var insist = new Option<string[]>("--insist") { Description = "A kommun to insist on: eligible whatever the rules say, opened first in a wave", HelpName = "KOMMUNKOD" };
        var command = new Command("rank-sites", "Rank every kommun that meets the siting rules as the next office's site: by travel saved and by time to cover every huvudman")
        {
            k, advisors, sites, all, noLarosate, larosateKm, spreadKm, noSpsm, spsm, exclude, insist,
        };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new RankOfficeSitesRequest
            {
                K = run.Value(k),
                Advisors = run.Value(advisors),
                Sites = run.Value(sites),
                IncludeIneligible = run.Value(all),
                Rules = new SitingRules(),
            };
            if (run.Value(noLarosate))
            {
                request.Rules.RequireLarosate = false;
            }

            if (run.Value(larosateKm) is { } maxKm)
            {
                request.Rules.MaxLarosateKm = maxKm is >= 0 and <= 2000 ? maxKm : throw new InputException("--max-larosate-km", "must be between 0 and 2000");
            }

            if (run.Value(spreadKm) is { } minKm)
            {
                request.Rules.MinOfficeDistanceKm = minKm is >= 0 and <= 2000 ? minKm : throw new InputException("--min-office-distance-km", "must be between 0 and 2000");
            }

            if (run.Value(noSpsm))
            {
                request.Rules.PreferSpsm = false;
            }

            request.Rules.SpsmKommunkoder.AddRange(Kommuner(run, spsm, "--spsm"));
            request.Rules.ExcludedKommunkoder.AddRange(Kommuner(run, exclude, "--exclude"));
            request.Rules.InsistedKommunkoder.AddRange(Kommuner(run, insist, "--insist"));
            if (request.Sites is < 0 or > 6)
            {
                throw new InputException("--sites", "must be between 2 and 6 (or 0 for no wave)");
            }

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
                // A pipe or a log file gets no live bar (Spectre draws none there): a line per tenth of the way instead.
                var (reportedTenth, reported) = (-1, -1);
                await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    last = message;
                    if (message.WaveSitesChosen > 0)
                    {
                        run.Console.Line($"wave: {message.WaveSitesChosen}/{request.Sites} sites chosen");
                        continue;
                    }

                    var tenth = message.Total > 0 ? message.Evaluated * 10 / message.Total : 0;
                    if (tenth > reportedTenth || (message.Done && message.Evaluated != reported))
                    {
                        (reportedTenth, reported) = (tenth, message.Evaluated);
                        run.Console.Line($"{message.Evaluated}/{message.Total} kommuner evaluated");
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
                            if (message.WaveSitesChosen > 0)
                            {
                                task.Description = $"wave: {message.WaveSitesChosen}/{request.Sites} sites chosen";
                            }
                            else if (message.Total > 0)
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

            PlanningViews.WriteRules(run.Console, last);
            PlanningViews.WriteSites(run.Console, $"Top {request.K} by travel saved ({request.Advisors} advisors)", last.ByTravelSaved);
            PlanningViews.WriteSites(run.Console, $"Top {request.K} by time to cover every huvudman", last.ByTimeToCover);
            PlanningViews.WriteVerdicts(run.Console, last.ByTravelSaved.Concat(last.ByTimeToCover));
            if (last.Wave is { } wave)
            {
                PlanningViews.WriteWave(run.Console, wave);
            }

            return 0;
        });
        return command;
    }

    private static IEnumerable<string> Kommuner(Invocation run, Option<string[]> option, string name) =>
        (run.Value(option) ?? []).SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(code => Values.FourDigits(code, name)).Distinct(StringComparer.Ordinal);
}
