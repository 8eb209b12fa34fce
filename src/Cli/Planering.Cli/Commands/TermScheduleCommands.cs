using System.CommandLine;
using Grpc.Core;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering propose-schedule</c> (SchedulingService.ProposeSchedule): a term for offices, every huvudman due a slot
/// or the reason none fits, on-site dialogues bundled into trips; printed as totals, the trips and a chart of the term.
/// Nothing is booked: <c>planering commit-schedule ID</c> (SchedulingService.CommitSchedule) books it, and may be run
/// again safely (it books nothing twice).
/// </summary>
public static class TermScheduleCommands
{
    public static Command Propose(CommandRunner runner)
    {
        var from = new Option<string>("--from") { Description = "The period's first day, YYYY-MM-DD", HelpName = "DATE", Required = true };
        var to = new Option<string>("--to") { Description = "The period's last day, YYYY-MM-DD (at most 366 days)", HelpName = "DATE", Required = true };
        var offices = new Option<string[]>("--office") { Description = "An office to plan (repeat or comma-separate; default: every office)", HelpName = "ID" };
        var huvudman = new Option<string[]>("--huvudman") { Description = "Plan only these huvudmän (organisation numbers; repeat or comma-separate)", HelpName = "ORGNR" };
        var mode = new Option<string?>("--mode") { Description = "digital or on-site for all (default: each huvudman's, by the digital share)", HelpName = "MODE" };
        var spsm = new Option<bool>("--spsm") { Description = "SPSM takes part in every dialogue" };
        var command = new Command("propose-schedule", "Propose a term: every due huvudman a slot or a reason, on-site dialogues bundled into trips (nothing is booked)")
        {
            from, to, offices, huvudman, mode, spsm,
        };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new ProposeScheduleRequest
            {
                FromDate = Values.Date(run.Value(from), "--from") ?? throw new InputException("--from", "is required"),
                ToDate = Values.Date(run.Value(to), "--to") ?? throw new InputException("--to", "is required"),
                Mode = Values.Mode(run.Value(mode)),
                SpsmParticipation = run.Value(spsm),
            };
            if (request.Mode == DialogueMode.Any)
            {
                request.Mode = DialogueMode.Unspecified;
            }

            request.OfficeIds.AddRange(Split(run.Value(offices)));
            request.HuvudmanIds.AddRange(Split(run.Value(huvudman)).Select(n => OrganisationNumbers.Normalise(n, "--huvudman")));

            using var call = run.Server.Scheduling.ProposeSchedule(request, cancellationToken: cancellationToken);
            ProposeScheduleProgress? last = null;
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                last = message;
                if (!run.Json)
                {
                    // Progress on standard error: standard output holds the proposal alone.
                    run.Note($"{message.OfficesDone}/{message.OfficesTotal} offices scheduled ({message.OfficeId}), {message.Placed} dialogues placed");
                }
            }

            if (last?.Proposal is not { } proposal)
            {
                throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "the proposal stream ended before its final message"));
            }

            if (run.Json)
            {
                run.WriteJson(proposal);
                return 0;
            }

            TermViews.WriteProposal(run.Console, proposal);
            return 0;
        });
        return command;
    }

    public static Command Commit(CommandRunner runner)
    {
        var id = new Argument<string>("PROPOSAL_ID") { Description = "The proposal's id (printed by propose-schedule)" };
        var command = new Command("commit-schedule", "Book every dialogue of a proposal; running it again books nothing twice") { id };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var proposalId = run.Value(id)?.Trim() is { Length: > 0 } given && Guid.TryParse(given, out _)
                ? given
                : throw new InputException("PROPOSAL_ID", "must be a proposal id (a UUID)");
            var result = await run.Server.Scheduling.CommitScheduleAsync(new CommitScheduleRequest { ProposalId = proposalId }, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(result);
                return 0;
            }

            TermViews.WriteCommit(run.Console, result);
            return 0;
        });
        return command;
    }

    private static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal);
}
