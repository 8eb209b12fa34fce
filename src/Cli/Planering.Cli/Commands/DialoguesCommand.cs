using System.CommandLine;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary><c>planering dialogues</c>: booked (and optionally cancelled) dialogues by office, huvudman or everywhere (SchedulingService.ListDialogues).</summary>
public static class DialoguesCommand
{
    public static Command Create(CommandRunner runner)
    {
        var office = new Option<string?>("--office") { Description = "Only this office's dialogues", HelpName = "OFFICE_ID" };
        var huvudman = new Option<string?>("--huvudman") { Description = "Only this huvudman's dialogues", HelpName = "ORGNR" };
        var from = new Option<string?>("--from") { Description = "From this date, YYYY-MM-DD (included)", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "To this date, YYYY-MM-DD (included)", HelpName = "DATE" };
        var cancelled = new Option<bool>("--include-cancelled") { Description = "Also list cancelled dialogues" };
        var paging = new Paging("dialogues");
        var command = new Command("dialogues", "List dialogues by date: at one office, for one huvudman, or everywhere") { office, huvudman, from, to, cancelled };
        paging.AddTo(command);

        runner.Handle(command, async (run, cancellationToken) =>
        {
            if (run.Given(office) && run.Given(huvudman))
            {
                throw new InputException("--huvudman", "give --office or --huvudman, not both");
            }

            var (pageSize, pageToken, all) = paging.Read(run);
            var request = new ListDialoguesRequest
            {
                OfficeId = run.Value(office) ?? string.Empty,
                HuvudmanId = run.Value(huvudman) is { } h ? OrganisationNumbers.Normalise(h, "--huvudman") : string.Empty,
                FromDate = Values.Date(run.Value(from), "--from") ?? string.Empty,
                ToDate = Values.Date(run.Value(to), "--to") ?? string.Empty,
                IncludeCancelled = run.Value(cancelled),
                PageSize = pageSize,
                PageToken = pageToken,
            };

            var response = new ListDialoguesResponse();
            do
            {
                var page = await run.Server.Scheduling.ListDialoguesAsync(request, cancellationToken: cancellationToken);
                response.Dialogues.AddRange(page.Dialogues);
                response.NextPageToken = page.NextPageToken;
                request.PageToken = page.NextPageToken;
            }
            while (all && request.PageToken.Length > 0);

            if (run.Json)
            {
                run.WriteJson(response);
                return 0;
            }

            var table = Tables.Create("id", "date", "time", "office", "huvudman", "mode", "advisors", "status");
            foreach (var d in response.Dialogues)
            {
                var slot = d.Slot ?? new Slot();
                table.Row(d.DialogueId, slot.Date, $"{slot.LocalStart}–{slot.LocalEnd}", slot.OfficeId, $"{d.HuvudmanName} ({d.HuvudmanId})",
                    Formats.Mode(slot.Mode), string.Join(", ", slot.AdvisorIds), Formats.Status(d.Status));
            }

            run.Console.Write(table);
            run.Console.Line(Formats.Count(response.Dialogues.Count, "dialogue", "dialogues"));
            Paging.NextPageHint(run, response.NextPageToken);
            return 0;
        });
        return command;
    }
}
