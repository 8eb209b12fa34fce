using System.CommandLine;
using Grpc.Core;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering book</c>: books a slot (SchedulingService.BookDialogue), either one named in full or, with
/// <c>--next</c>, whatever <c>next-slot</c> finds. The request id makes a retry safe: the same id always yields the
/// same dialogue, so a generated one is printed before the call, where a user still sees it if the call fails.
/// </summary>
public static class BookCommand
{
    public static Command Create(CommandRunner runner)
    {
        var number = new Argument<string>("ORGNR") { Description = "The huvudman's organisation number" };
        var search = new SlotSearchOptions();
        var next = new Option<bool>("--next") { Description = "Book the slot next-slot finds (with --from, --mode, --office, --horizon)" };
        var date = new Option<string?>("--date") { Description = "The slot's date, YYYY-MM-DD", HelpName = "DATE" };
        var start = new Option<string?>("--start") { Description = "The slot's local start time, HH:MM", HelpName = "HH:MM" };
        var advisors = new Option<string?>("--advisors") { Description = "The advisors, comma-separated: a,b (as many as the planning parameters' advisors per dialogue, two by default)", HelpName = "A,B" };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key (8–100 characters); reuse it to retry safely. Generated when absent", HelpName = "ID" };
        var command = new Command("book", "Book a dialogue: a named slot, or the next feasible one with --next") { number, next, date, start, advisors, requestId };
        search.AddTo(command);

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var huvudmanId = OrganisationNumbers.Normalise(run.Value(number), "ORGNR");
            var id = run.Value(requestId)?.Trim() is { Length: > 0 } given ? given : $"cli-{Guid.NewGuid():N}";
            if (id.Length is < 8 or > 100)
            {
                throw new InputException("--request-id", "must be 8–100 characters");
            }

            Slot slot;
            if (run.Value(next))
            {
                foreach (var explicitOnly in new Option[] { date, start, advisors })
                {
                    Refuse(run, explicitOnly, "names a slot; leave it out with --next, which books the slot it finds");
                }

                // A retry of --next must not search again: the first attempt may have booked the slot it found, and
                // the search would now find a later one. The request id finds that booking instead.
                if (run.Given(requestId) && await BookedEarlierAsync(run, huvudmanId, id, cancellationToken) is { } earlier)
                {
                    return Show(run, earlier, replayed: true);
                }

                var found = await run.Server.Scheduling.FindNextSlotAsync(search.Request(run, huvudmanId), cancellationToken: cancellationToken);
                slot = found.Slot;
            }
            else
            {
                foreach (var searchOnly in new Option[] { search.From, search.Horizon })
                {
                    Refuse(run, searchOnly, "only applies with --next");
                }

                slot = NamedSlot(run, search, date, start, advisors);
            }

            if (!run.Given(requestId))
            {
                run.Note($"request id: {id} (to retry this booking safely: --request-id {id})");
            }

            try
            {
                var dialogue = await run.Server.Scheduling.BookDialogueAsync(
                    new BookDialogueRequest { RequestId = id, HuvudmanId = huvudmanId, Slot = slot }, cancellationToken: cancellationToken);
                return Show(run, dialogue, dialogue.Replayed);
            }
            catch (RpcException taken) when (taken.StatusCode == StatusCode.AlreadyExists && run.Value(next))
            {
                // The same id booked a different slot: a first attempt still in flight when this retry searched.
                if (await BookedEarlierAsync(run, huvudmanId, id, cancellationToken) is { } earlier)
                {
                    return Show(run, earlier, replayed: true);
                }

                throw;
            }
        });
        return command;
    }

    /// <param name="replayed">True when an earlier call with this request id had booked it: this call booked nothing.</param>
    private static int Show(Invocation run, Dialogue dialogue, bool replayed)
    {
        if (run.Json)
        {
            dialogue.Replayed = replayed;
            run.WriteJson(dialogue);
            return 0;
        }

        run.Console.Heading(replayed
            ? $"Already booked by an earlier call with request id {dialogue.RequestId} (nothing new booked): {SchedulingViews.Describe(dialogue.Slot)}"
            : $"Booked: {SchedulingViews.Describe(dialogue.Slot)}");
        SchedulingViews.WriteDialogue(run.Console, dialogue);
        return 0;
    }

    /// <summary>The huvudman's dialogue booked under this request id, if an earlier attempt made one.</summary>
    private static async Task<Dialogue?> BookedEarlierAsync(Invocation run, string huvudmanId, string requestId, CancellationToken cancellationToken)
    {
        var request = new ListDialoguesRequest { HuvudmanId = huvudmanId, IncludeCancelled = true, PageSize = Paging.MaxPageSize };
        do
        {
            var page = await run.Server.Scheduling.ListDialoguesAsync(request, cancellationToken: cancellationToken);
            if (page.Dialogues.FirstOrDefault(d => d.RequestId == requestId) is { } found)
            {
                return found;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return null;
    }

    private static Slot NamedSlot(Invocation run, SlotSearchOptions search, Option<string?> date, Option<string?> start, Option<string?> advisors)
    {
        var office = run.Value(search.Office) ?? throw new InputException("--office", "is required to name a slot (or use --next)");
        var day = Values.Date(run.Value(date), "--date") ?? throw new InputException("--date", "is required to name a slot (or use --next)");
        var time = Values.Time(run.Value(start) ?? throw new InputException("--start", "is required to name a slot (or use --next)"), "--start");
        var mode = Values.Mode(run.Value(search.Mode));
        if (mode is not (DialogueMode.Digital or DialogueMode.OnSite))
        {
            throw new InputException("--mode", "must be digital or on-site to name a slot");
        }

        var team = (run.Value(advisors) ?? throw new InputException("--advisors", "is required to name a slot: a,b (or use --next)"))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // How many is the server's to say (advisors_per_dialogue); naming one twice is wrong whatever the number.
        if (team.Length == 0 || team.Distinct(StringComparer.Ordinal).Count() != team.Length)
        {
            throw new InputException("--advisors", "must name different advisors: a,b");
        }

        var slot = new Slot { OfficeId = office, Date = day, LocalStart = time, Mode = mode, SpsmParticipation = run.Value(search.Spsm) };
        slot.AdvisorIds.AddRange(team);
        return slot;
    }

    private static void Refuse(Invocation run, Option option, string why)
    {
        if (run.Given(option))
        {
            throw new InputException(option.Name, why);
        }
    }
}
