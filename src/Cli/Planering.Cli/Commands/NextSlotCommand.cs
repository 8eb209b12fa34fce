using System.CommandLine;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;

namespace Planering.Cli.Commands;

/// <summary><c>planering next-slot</c>: the scheduler's question (SchedulingService.FindNextSlot).</summary>
public static class NextSlotCommand
{
    public static Command Create(CommandRunner runner)
    {
        var number = new Argument<string>("ORGNR") { Description = "The huvudman's organisation number" };
        var search = new SlotSearchOptions();
        var command = new Command("next-slot", "The earliest dialogue slot that satisfies every rule, and why earlier days failed") { number };
        search.AddTo(command);

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = search.Request(run, OrganisationNumbers.Normalise(run.Value(number), "ORGNR"));
            var answer = await run.Server.Scheduling.FindNextSlotAsync(request, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(answer);
                return 0;
            }

            run.Console.Heading($"Next slot: {SchedulingViews.Describe(answer.Slot)}");
            SchedulingViews.WriteSlot(run.Console, answer.Slot);
            SchedulingViews.WriteRejections(run.Console, answer.Rejections);
            SchedulingViews.WriteAlternatives(run.Console, answer.Alternatives);
            var slot = answer.Slot;
            run.Console.Line($"{Formats.Count(answer.DaysExamined)} days examined. To book this slot: planering book {request.HuvudmanId} " +
                $"--office {slot.OfficeId} --date {slot.Date} --start {slot.LocalStart} --mode {Formats.Mode(slot.Mode)} --advisors {string.Join(',', slot.AdvisorIds)}" +
                (slot.SpsmParticipation ? " --spsm" : ""));
            return 0;
        });
        return command;
    }
}
