using System.CommandLine;
using Planering.Cli.Hosting;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary><c>planering cancel</c>: cancels a booked dialogue (SchedulingService.CancelDialogue); cancelling twice changes nothing.</summary>
public static class CancelCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<string>("DIALOGUE_ID") { Description = "The dialogue's id, as book or dialogues print it" };
        var reason = new Option<string?>("--reason") { Description = "Why it is cancelled (kept with the dialogue)", HelpName = "TEXT" };
        var command = new Command("cancel", "Cancel a booked dialogue") { id, reason };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var dialogue = await run.Server.Scheduling.CancelDialogueAsync(
                new CancelDialogueRequest { DialogueId = run.Value(id)?.Trim() ?? string.Empty, Reason = run.Value(reason) ?? string.Empty },
                cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(dialogue);
                return 0;
            }

            run.Console.Heading($"Cancelled: {dialogue.DialogueId}");
            SchedulingViews.WriteDialogue(run.Console, dialogue);
            return 0;
        });
        return command;
    }
}
