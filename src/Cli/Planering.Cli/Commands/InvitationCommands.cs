using System.CommandLine;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// Invitation waves (docs/invitations.md): <c>propose-wave</c> (PlanningService.ProposeInvitationWave), <c>commit-wave</c>
/// (CommitInvitationWave, idempotent by its wave id), <c>answer-invitation</c> (RecordInvitationAnswer) and
/// <c>coverage</c> (GetCoverage), <c>book-introduction</c> (FindIntroductionSlot, BookIntroductionMeeting) and
/// <c>introductions</c> (ListIntroductionMeetings) and <c>cancel-introduction</c> (CancelIntroductionMeeting).
/// </summary>
public static class InvitationCommands
{
    public static Command Propose(CommandRunner runner)
    {
        var (size, from, to, offices) = WaveOptions();
        var show = new Option<int>("--show") { Description = "How many invitees to list with their reasons (--json lists all)", HelpName = "N", DefaultValueFactory = _ => 20 };
        var command = new Command("propose-wave", "The next wave of huvudmän to invite, with why each was chosen (nothing is stored)") { size, from, to, offices, show };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var proposal = await run.Server.Planning.ProposeInvitationWaveAsync(Request(run, size, from, to, offices), cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(proposal);
                return 0;
            }

            WriteProposal(run.Console, proposal, Math.Max(0, run.Value(show)));
            return 0;
        });
        return command;
    }

    public static Command Commit(CommandRunner runner)
    {
        var waveId = new Option<string>("--wave-id") { Description = "The wave's id, e.g. vt2027-1 (a-z, 0-9, '-'): a retry with the same id records nothing twice", HelpName = "WAVE_ID", Required = true };
        var huvudman = new Option<string[]>("--huvudman") { Description = "A huvudman to invite (repeat or comma-separate); without it the wave proposed for --size is committed", HelpName = "ORGNR" };
        var (size, from, to, offices) = WaveOptions();
        var command = new Command("commit-wave", "Record a wave's invitations: the huvudmän named, or the wave propose-wave gives for the same options")
        {
            waveId, huvudman, size, from, to, offices,
        };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var planning = run.Server.Planning;
            var named = (run.Value(huvudman) ?? []).SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(h => OrganisationNumbers.Normalise(h, "--huvudman")).ToList();
            var request = new CommitInvitationWaveRequest
            {
                WaveId = run.Value(waveId)!.Trim(),
                PeriodStart = Values.Date(run.Value(from), "--from") ?? throw new InputException("--from", "is required (YYYY-MM-DD)"),
                PeriodEnd = Values.Date(run.Value(to), "--to") ?? throw new InputException("--to", "is required (YYYY-MM-DD)"),
            };
            if (named.Count > 0)
            {
                request.HuvudmanIds.AddRange(named);
            }
            else
            {
                // Proposed for this wave id: after a commit that got through, the same proposal comes back and the retry records nothing.
                var wanted = Request(run, size, from, to, offices);
                wanted.WaveId = request.WaveId;
                var proposal = await planning.ProposeInvitationWaveAsync(wanted, cancellationToken: cancellationToken);
                request.HuvudmanIds.AddRange(proposal.Invitees.Select(i => i.HuvudmanId));
            }

            var wave = await planning.CommitInvitationWaveAsync(request, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(wave);
                return 0;
            }

            run.Console.Line(wave.AlreadyCommitted
                ? $"Wave {wave.WaveId} was already committed on {wave.CommittedOn}: nothing recorded again."
                : $"Wave {wave.WaveId} committed: {Formats.Count(wave.Invitations.Count, "huvudman", "huvudmän")} invited for {wave.PeriodStart}–{wave.PeriodEnd}, "
                    + $"{Formats.Count(wave.IntroductionGroups.Count, "introduction meeting", "introduction meetings")}.");
            var table = Tables.Create(1, "office", "invited", "introductions");
            foreach (var office in wave.Invitations.GroupBy(i => i.OfficeId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                table.Row(office.Key, Formats.Count(office.Count()), Formats.Count(wave.IntroductionGroups.Count(g => g.OfficeId == office.Key)));
            }

            run.Console.Write(table);
            return 0;
        });
        return command;
    }

    public static Command Answer(CommandRunner runner)
    {
        var number = new Argument<string>("ORGNR") { Description = "The invited huvudman's organisation number" };
        var answer = new Option<string>("--answer") { Description = "accepted, declined or no-answer", HelpName = "ANSWER", Required = true };
        answer.AcceptOnlyFromAmong("accepted", "declined", "no-answer");
        var reason = new Option<string?>("--reason") { Description = "Why it declined (lack of time, resources, …)", HelpName = "TEXT" };
        var waveId = new Option<string?>("--wave-id") { Description = "The wave answered (default: the huvudman's latest invitation)", HelpName = "WAVE_ID" };
        var command = new Command("answer-invitation", "Record an invited huvudman's answer: accepted, declined (with a reason) or no answer") { number, answer, reason, waveId };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new RecordInvitationAnswerRequest
            {
                HuvudmanId = OrganisationNumbers.Normalise(run.Value(number), "ORGNR"),
                Answer = run.Value(answer) switch
                {
                    "accepted" => InvitationStatus.Accepted,
                    "declined" => InvitationStatus.Declined,
                    _ => InvitationStatus.NoAnswer,
                },
                Reason = run.Value(reason)?.Trim() ?? string.Empty,
                WaveId = run.Value(waveId)?.Trim() ?? string.Empty,
            };
            var invitation = await run.Server.Planning.RecordInvitationAnswerAsync(request, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(invitation);
                return 0;
            }

            run.Console.Line($"{invitation.HuvudmanId} in wave {invitation.WaveId} ({invitation.OfficeId}): {Status(invitation.Status)}"
                + (invitation.Reason.Length > 0 ? $" ({invitation.Reason})" : string.Empty) + $", recorded {invitation.AnsweredOn}.");
            return 0;
        });
        return command;
    }

    public static Command Coverage(CommandRunner runner)
    {
        var command = new Command("coverage", "Coverage of the mandate's current cycle per office: invited, accepted, declined, held, not yet invited");
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var coverage = await run.Server.Planning.GetCoverageAsync(new GetCoverageRequest(), cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(coverage);
                return 0;
            }

            WriteCoverage(run.Console, coverage);
            return 0;
        });
        return command;
    }

    public static Command BookIntroduction(CommandRunner runner)
    {
        var waveId = new Option<string>("--wave-id") { Description = "The committed wave", HelpName = "WAVE_ID", Required = true };
        var group = new Option<string>("--group") { Description = "The introduction group, as commit-wave and introductions name it (e.g. goteborg-01)", HelpName = "GROUP", Required = true };
        var date = new Option<string?>("--date") { Description = "A chosen day, YYYY-MM-DD (with --start and --advisors); default: the earliest feasible time", HelpName = "DATE" };
        var start = new Option<string?>("--start") { Description = "The chosen local start, HH:MM", HelpName = "HH:MM" };
        var advisors = new Option<string?>("--advisors") { Description = "The chosen advisors, comma-separated (start_meeting_advisors of them, two by default)", HelpName = "A,B" };
        var from = new Option<string?>("--from") { Description = "Without a chosen time: look from this day, YYYY-MM-DD (default today)", HelpName = "DATE" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show the earliest feasible time; book nothing" };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key (8–100 characters); reuse it to retry safely. Generated when absent", HelpName = "ID" };
        var command = new Command("book-introduction", "Book a wave's group introduction meeting in its office's calendar, once per group: at a chosen time or the earliest feasible one")
        {
            waveId, group, date, start, advisors, from, dryRun, requestId,
        };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var planning = run.Server.Planning;
            var (wave, groupId) = (run.Value(waveId)!.Trim(), run.Value(group)!.Trim());
            var earliest = Values.Date(run.Value(from), "--from") ?? string.Empty;
            if (run.Value(dryRun))
            {
                var found = await planning.FindIntroductionSlotAsync(new FindIntroductionSlotRequest { WaveId = wave, GroupId = groupId, EarliestDate = earliest }, cancellationToken: cancellationToken);
                if (run.Json)
                {
                    run.WriteJson(found);
                    return 0;
                }

                run.Console.Line(found.Slot is { } slot
                    ? $"Earliest time for {groupId} ({Formats.Count(found.HuvudmanIds.Count, "huvudman", "huvudmän")}): {Describe(slot)} (nothing booked)."
                    : $"No time for {groupId} within {Formats.Count(found.DaysExamined, "day", "days")}.");
                foreach (var r in found.Rejections.Take(5))
                {
                    run.Console.Line($"  {Formats.Count(r.Days, "day", "days")} {r.ReasonEn} ({r.Code}, {r.FirstDate}–{r.LastDate})");
                }

                return 0;
            }

            var id = run.Value(requestId)?.Trim() is { Length: > 0 } given ? given : $"cli-{Guid.NewGuid():N}";
            if (id.Length is < 8 or > 100)
            {
                throw new InputException("--request-id", "must be 8–100 characters");
            }

            var request = new BookIntroductionMeetingRequest { RequestId = id, WaveId = wave, GroupId = groupId, EarliestDate = earliest };
            if (run.Value(date) is { } day)
            {
                request.Date = Values.Date(day, "--date")!;
                request.LocalStart = Values.Time(run.Value(start) ?? throw new InputException("--start", "is required with --date"), "--start");
                request.AdvisorIds.AddRange((run.Value(advisors) ?? throw new InputException("--advisors", "is required with --date: a,b"))
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (run.Value(start) is not null || run.Value(advisors) is not null)
            {
                throw new InputException("--date", "is required with --start and --advisors");
            }

            if (!run.Given(requestId))
            {
                run.Note($"request id: {id} (to retry this booking safely: --request-id {id})");
            }

            var meeting = await planning.BookIntroductionMeetingAsync(request, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(meeting);
                return 0;
            }

            run.Console.Line((meeting.Replayed
                ? $"Already booked by an earlier call with request id {meeting.RequestId} (nothing new booked): "
                : "Booked: ") + $"introduction {meeting.GroupId} of wave {meeting.WaveId}, {Describe(meeting.Slot)}, "
                + $"{Formats.Count(meeting.HuvudmanIds.Count, "huvudman", "huvudmän")} ({meeting.MeetingId}).");
            return 0;
        });
        return command;
    }

    public static Command CancelIntroduction(CommandRunner runner)
    {
        var meetingId = new Argument<string>("MEETING_ID") { Description = "The meeting's id, as book-introduction answered it (office.hex)" };
        var command = new Command("cancel-introduction", "Cancel a booked introduction meeting: its advisors are free again and its group may be booked anew") { meetingId };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var meeting = await run.Server.Planning.CancelIntroductionMeetingAsync(
                new CancelIntroductionMeetingRequest { MeetingId = run.Value(meetingId)!.Trim() }, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(meeting);
                return 0;
            }

            run.Console.Line($"Cancelled: introduction {meeting.GroupId} of wave {meeting.WaveId}, {Describe(meeting.Slot)} ({meeting.MeetingId}).");
            return 0;
        });
        return command;
    }

    public static Command Introductions(CommandRunner runner)
    {
        var waveId = new Option<string>("--wave-id") { Description = "The committed wave", HelpName = "WAVE_ID", Required = true };
        var command = new Command("introductions", "A wave's introduction groups and their booked meetings") { waveId };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var list = await run.Server.Planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = run.Value(waveId)!.Trim() }, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(list);
                return 0;
            }

            var booked = list.Groups.Count(g => g.Meeting is not null);
            run.Console.Heading($"Wave {list.WaveId}: {Formats.Count(list.Groups.Count, "introduction group", "introduction groups")}, {Formats.Count(booked)} booked");
            var table = Tables.Create("group", "office", "huvudmän", "meeting");
            foreach (var g in list.Groups)
            {
                table.Row(g.Group.GroupId, g.Group.OfficeId, Formats.Count(g.Group.HuvudmanIds.Count), g.Meeting is { } m ? Describe(m.Slot) : "not booked");
            }

            run.Console.Write(table);
            return 0;
        });
        return command;
    }

    private static string Describe(IntroductionSlot slot) =>
        $"{slot.Date} {slot.LocalStart}–{slot.LocalEnd} at {slot.OfficeId} with {string.Join(", ", slot.AdvisorIds)}";

    private static (Option<int> Size, Option<string> From, Option<string> To, Option<string[]> Offices) WaveOptions() =>
    (
        new Option<int>("--size") { Description = "How many huvudmän to invite (the agencies invite 150–200 at a time)", HelpName = "N", DefaultValueFactory = _ => 150 },
        new Option<string>("--from") { Description = "First day of the period the dialogues are held in, YYYY-MM-DD", HelpName = "DATE", Required = true },
        new Option<string>("--to") { Description = "Last day of that period, YYYY-MM-DD", HelpName = "DATE", Required = true },
        new Option<string[]>("--office") { Description = "An office the wave draws from (repeat or comma-separate; default: every office)", HelpName = "OFFICE_ID" }
    );

    private static ProposeInvitationWaveRequest Request(Invocation run, Option<int> size, Option<string> from, Option<string> to, Option<string[]> offices)
    {
        var request = new ProposeInvitationWaveRequest
        {
            Size = run.Value(size),
            PeriodStart = Values.Date(run.Value(from), "--from") ?? throw new InputException("--from", "is required (YYYY-MM-DD)"),
            PeriodEnd = Values.Date(run.Value(to), "--to") ?? throw new InputException("--to", "is required (YYYY-MM-DD)"),
        };
        request.OfficeIds.AddRange(ForecastCommand.OfficeIds(run, offices));
        return request;
    }

    private static void WriteProposal(Spectre.Console.IAnsiConsole console, InvitationWaveProposal p, int show)
    {
        console.Heading($"Proposed wave: {Formats.Count(p.Invitees.Count, "huvudman", "huvudmän")} for {p.PeriodStart}–{p.PeriodEnd}, "
            + $"about {Formats.Number(p.ExpectedAccepted)} expected to accept, {Formats.Count(p.IntroductionGroups.Count, "introduction meeting", "introduction meetings")}");
        var offices = Tables.Create(1, "office", "dialogue capacity", "share", "eligible", "proposed");
        foreach (var o in p.Offices)
        {
            offices.Row(o.OfficeId, Formats.Count(o.DialogueCapacity), Formats.Percent(o.CapacityShare), Formats.Count(o.Eligible), Formats.Count(o.Proposed));
        }

        console.Write(offices);
        console.Line($"Left out: {p.ExcludedDialogueBooked} with a dialogue booked, {p.ExcludedOpenInvitation} with an open invitation, "
            + $"{p.ExcludedDeclinedThisCycle} declined this cycle, {p.ExcludedNotDue} not due in the period.");
        var invitees = Tables.Create("huvudman", "name", "office", "type", "pupils", "due", "introduction", "why");
        foreach (var i in p.Invitees.Take(show))
        {
            invitees.Row(i.HuvudmanId, i.Name, i.OfficeId, Formats.Type(i.Type), Formats.Count(i.Pupils), Formats.OrDash(i.DueDate), i.IntroductionGroup, i.Reason);
        }

        if (show > 0)
        {
            console.Write(invitees);
        }

        if (p.Invitees.Count > show)
        {
            console.Line($"… and {Formats.Count(p.Invitees.Count - show)} more (--show {p.Invitees.Count}, or --json for every invitee).");
        }
    }

    private static void WriteCoverage(Spectre.Console.IAnsiConsole console, Contracts.V1.Coverage c)
    {
        console.Heading($"Coverage of the cycle {c.CycleStart}–{c.CycleEnd} (as of {c.AsOf}): {Formats.Percent(c.National.ShareReached)} reached, "
            + $"{Formats.Number(c.MonthsLeft, 1)} months left, {Formats.Number(c.NeededPerMonth, 1)} invitations a month needed; {Formats.Count(c.Waves, "wave", "waves")} committed");
        var table = Tables.Create(1, "office", "huvudmän", "invited", "open", "accepted", "declined", "no answer", "booked", "held", "not yet invited", "reached");
        foreach (var line in c.Offices.Append(c.National))
        {
            table.Row(line.OfficeId, Formats.Count(line.Huvudman), Formats.Count(line.Invited), Formats.Count(line.Open), Formats.Count(line.Accepted),
                Formats.Count(line.Declined), Formats.Count(line.NoAnswer), Formats.Count(line.Booked), Formats.Count(line.Held), Formats.Count(line.NotYetInvited),
                Formats.Percent(line.ShareReached));
        }

        console.Write(table);
    }

    private static string Status(InvitationStatus status) => status switch
    {
        InvitationStatus.Open => "open",
        InvitationStatus.Accepted => "accepted",
        InvitationStatus.Declined => "declined",
        InvitationStatus.NoAnswer => "no answer",
        _ => status.ToString(),
    };
}
