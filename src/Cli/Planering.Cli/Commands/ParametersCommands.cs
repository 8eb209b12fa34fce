using System.CommandLine;
using System.Globalization;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering parameters</c> shows the live planning parameters (PlanningService.GetPlanningParameters);
/// <c>planering set-parameters</c> changes the ones named and sends the whole set back with the version it read
/// (SetPlanningParameters), so a change made meanwhile by someone else is refused (ABORTED), never overwritten.
/// </summary>
public static class ParametersCommands
{
    public static Command Show(CommandRunner runner)
    {
        var command = new Command("parameters", "The planning parameters every figure reads: cycle, the steps of a dialogue, shares, limits, hours, travel");
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var parameters = await run.Server.Planning.GetPlanningParametersAsync(new GetPlanningParametersRequest(), cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(parameters);
                return 0;
            }

            Write(run.Console, parameters);
            return 0;
        });
        return command;
    }

    public static Command Set(CommandRunner runner)
    {
        var version = new Option<long?>("--version") { Description = "Change only if the live set is still at this version (default: the version just read)", HelpName = "N" };
        var cycle = new Option<int?>("--cycle-months") { Description = "Months from one dialogue with a huvudman to the next", HelpName = "MONTHS" };
        var dialogueShare = new Option<double?>("--dialogue-share") { Description = "Share of working time for dialogues, e.g. 0.6", HelpName = "SHARE" };
        var digitalShare = new Option<double?>("--digital-share") { Description = "Share of dialogues held digitally, e.g. 0.5", HelpName = "SHARE" };
        var advisors = new Option<int?>("--advisors-per-dialogue") { Description = "Advisors who hold each dialogue", HelpName = "N" };
        var perDay = new Option<int?>("--max-per-day") { Description = "Most dialogues an office holds a day", HelpName = "N" };
        var perWeek = new Option<int?>("--max-per-week") { Description = "Most dialogues an office holds an ISO week", HelpName = "N" };
        var lead = new Option<int?>("--lead-days") { Description = "Working days to prepare the analysunderlag before a dialogue", HelpName = "DAYS" };
        var speed = new Option<double?>("--travel-speed") { Description = "Door-to-door travel speed, km/h", HelpName = "KMH" };
        var road = new Option<double?>("--road-factor") { Description = "Road km per great-circle km", HelpName = "FACTOR" };
        var startMeeting = new Option<double?>("--start-meeting-hours") { Description = "Length of the digital introduction (a group meeting)", HelpName = "HOURS" };
        var followUp = new Option<double?>("--follow-up-hours") { Description = "Length of the digital feedback meeting after the dialogue", HelpName = "HOURS" };
        var dayStart = new Option<string?>("--day-start") { Description = "Office day start, HH:MM", HelpName = "HH:MM" };
        var dayEnd = new Option<string?>("--day-end") { Description = "Office day end, HH:MM", HelpName = "HH:MM" };
        var lunch = new Option<int?>("--lunch-minutes") { Description = "Lunch break in minutes (not working time)", HelpName = "MINUTES" };
        var noShortened = new Option<bool>("--no-shortened-days") { Description = "Turn off the state sector's shortened days (trettondagsafton, skärtorsdag, …)" };
        var office = new Option<string?>("--office") { Description = "Set --office-max-per-day/--office-max-per-week for this office only", HelpName = "OFFICE_ID" };
        var officePerDay = new Option<int?>("--office-max-per-day") { Description = "The office's own daily limit (0: the set's)", HelpName = "N" };
        var officePerWeek = new Option<int?>("--office-max-per-week") { Description = "The office's own weekly limit (0: the set's)", HelpName = "N" };
        var groupSize = new Option<int?>("--introduction-group-size") { Description = "Huvudmän invited to one digital introduction meeting", HelpName = "N" };
        var acceptPublic = new Option<double?>("--acceptance-public") { Description = "Share of invited public huvudmän (kommun, region, state) that accept, e.g. 0.9", HelpName = "SHARE" };
        var acceptIndependent = new Option<double?>("--acceptance-independent") { Description = "Share of invited independent huvudmän that accept, e.g. 0.81", HelpName = "SHARE" };
        var mandateStart = new Option<string?>("--mandate-start") { Description = "First day of the mandate's first cycle, YYYY-MM-DD (cycles of --cycle-months follow)", HelpName = "DATE" };
        var huvudmanCycle = new Option<string[]>("--huvudman-cycle") { Description = "A huvudman's own cycle, ORGNR=MONTHS (repeatable; MONTHS 0 removes it)", HelpName = "ORGNR=MONTHS", AllowMultipleArgumentsPerToken = false };
        var command = new Command("set-parameters", "Change planning parameters (the rest stay as they are); the plan re-solves and the forecast recomputes")
        {
            version, cycle, dialogueShare, digitalShare, advisors, perDay, perWeek, lead, speed, road, startMeeting, followUp, dayStart, dayEnd, lunch, noShortened,
            office, officePerDay, officePerWeek, huvudmanCycle, groupSize, acceptPublic, acceptIndependent, mandateStart,
        };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var planning = run.Server.Planning;
            var p = await planning.GetPlanningParametersAsync(new GetPlanningParametersRequest(), cancellationToken: cancellationToken);
            var read = p.Version;
            if (run.Value(version) is { } pinned)
            {
                p.Version = pinned;
            }

            if (run.Value(cycle) is { } c) { p.CycleMonths = c; }
            if (run.Value(dialogueShare) is { } ds) { p.DialogueShare = ds; }
            if (run.Value(digitalShare) is { } dg) { p.DigitalShare = dg; }
            if (run.Value(advisors) is { } a) { p.AdvisorsPerDialogue = a; }
            if (run.Value(perDay) is { } d) { p.MaxDialoguesPerDay = d; }
            if (run.Value(perWeek) is { } w) { p.MaxDialoguesPerWeek = w; }
            if (run.Value(lead) is { } l) { p.PreparationLeadWorkingDays = l; }
            if (run.Value(speed) is { } s) { p.TravelSpeedKmPerHour = s; }
            if (run.Value(road) is { } r) { p.RoadFactor = r; }
            if (run.Value(startMeeting) is { } sm) { p.StartMeetingHours = sm; }
            if (run.Value(followUp) is { } fu) { p.FollowUpHours = fu; }
            if (run.Value(groupSize) is { } gs) { p.StartMeetingHuvudmanPerGroup = gs; }
            if (run.Value(acceptPublic) is { } ap) { p.AcceptanceRatePublic = ap; }
            if (run.Value(acceptIndependent) is { } ai) { p.AcceptanceRateIndependent = ai; }
            if (Values.Date(run.Value(mandateStart), "--mandate-start") is { } ms) { p.MandateStart = ms; }
            if (run.Value(dayStart) is { } start) { p.OfficeHours.DayStart = start.Trim(); }
            if (run.Value(dayEnd) is { } end) { p.OfficeHours.DayEnd = end.Trim(); }
            if (run.Value(lunch) is { } lm) { p.OfficeHours.LunchMinutes = lm; }
            if (run.Value(noShortened)) { p.OfficeHours.ShortenedDays.Clear(); }

            if (run.Value(office) is { } officeId)
            {
                var id = officeId.Trim();
                var own = p.OfficeOverrides.FirstOrDefault(o => o.OfficeId == id);
                if (own is null)
                {
                    own = new OfficeParameterOverride { OfficeId = id };
                    p.OfficeOverrides.Add(own);
                }

                if (run.Value(officePerDay) is { } od) { own.MaxDialoguesPerDay = od; }
                if (run.Value(officePerWeek) is { } ow) { own.MaxDialoguesPerWeek = ow; }
            }
            else if (run.Value(officePerDay) is not null || run.Value(officePerWeek) is not null)
            {
                throw new InputException("--office", "name the office whose own limits --office-max-per-day/--office-max-per-week set");
            }

            foreach (var pair in run.Value(huvudmanCycle) ?? [])
            {
                var parts = pair.Split('=', 2);
                if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var months))
                {
                    throw new InputException("--huvudman-cycle", $"'{pair}' is not ORGNR=MONTHS");
                }

                var existing = p.HuvudmanCycles.FirstOrDefault(h => h.HuvudmanId == parts[0].Trim());
                if (existing is not null)
                {
                    p.HuvudmanCycles.Remove(existing);
                }

                if (months > 0)
                {
                    p.HuvudmanCycles.Add(new HuvudmanCycle { HuvudmanId = parts[0].Trim(), CycleMonths = months });
                }
            }

            var stored = await planning.SetPlanningParametersAsync(p, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(stored);
                return 0;
            }

            run.Console.Line($"Planning parameters changed: version {read} → {stored.Version}. The plan re-solves and the forecast recomputes.");
            Write(run.Console, stored);
            return 0;
        });
        return command;
    }

    private static void Write(Spectre.Console.IAnsiConsole console, PlanningParameters p)
    {
        console.Heading($"Planning parameters, version {p.Version}");
        var table = Tables.Create("setting", "value");
        table.Row("cycle", $"{p.CycleMonths} months");
        table.Row("share of working time for dialogues", Formats.Percent(p.DialogueShare));
        table.Row("digital dialogues", Formats.Percent(p.DigitalShare));
        table.Row("advisors per dialogue", $"{p.AdvisorsPerDialogue}");
        table.Row("most dialogues per office", $"{p.MaxDialoguesPerDay} a day, {p.MaxDialoguesPerWeek} a week");
        table.Row("1. introduction (digital, group)", $"{Formats.Number(p.StartMeetingHours, 2)} h, {p.StartMeetingAdvisors} advisors, {p.StartMeetingHuvudmanPerGroup} huvudmän per group");
        table.Row("2. preparation (analysunderlag)", $"{Formats.Number(p.PreparationBaseHours, 2)} h + {Formats.Number(p.PreparationHoursPerDoubling, 2)} h per doubling above {p.SizeReferencePupils} pupils, at most {Formats.Number(p.PreparationMaxHours, 2)} h; {p.PreparationLeadWorkingDays} working days ahead");
        table.Row("3. dialogue", $"{Formats.Number(p.DialogueBaseHours, 2)} h + {Formats.Number(p.DialogueHoursPerDoubling, 2)} h per doubling, at most {Formats.Number(p.DialogueMaxHours, 2)} h");
        table.Row("4. feedback meeting (digital)", $"{Formats.Number(p.FollowUpHours, 2)} h, {p.FollowUpAdvisors} advisors, {p.FollowUpWorkingDaysAfter} working days after");
        table.Row("SPSM", $"takes part in {Formats.Percent(p.SpsmShare)}; {Formats.Number(p.SpsmCoordinationHours, 2)} h coordination for the office");
        table.Row("take-up (share that accepts)", $"public {Formats.Percent(p.AcceptanceRatePublic)}, independent {Formats.Percent(p.AcceptanceRateIndependent)}");
        table.Row("mandate", $"cycles of {p.CycleMonths} months from {p.MandateStart}");
        table.Row("travel", $"{Formats.Number(p.TravelSpeedKmPerHour)} km/h, road factor {Formats.Number(p.RoadFactor, 2)}");
        table.Row("trips", $"at most {p.MaxNightsAwayPerAdvisorMonth} nights away per advisor and month, {p.MaxNightsPerTrip} per trip; ferries: {string.Join(", ", p.FerryRoutes.Select(f => f.Name))}");
        var h = p.OfficeHours;
        table.Row("office hours", $"{Formats.Weekdays(h.WorkingDays)} {h.DayStart}–{h.DayEnd}, lunch {h.LunchStart} {h.LunchMinutes} min");
        table.Row("shortened days", h.ShortenedDays.Count == 0 ? "off" : string.Join(", ", h.ShortenedDays.Select(d =>
            $"{Shortened(d.Kind)} −{Formats.Number(d.HoursShorter, 1)} h" + (d.HasFridayHoursShorter ? $" (Friday −{Formats.Number(d.FridayHoursShorter, 1)} h)" : string.Empty))));
        foreach (var o in p.OfficeOverrides)
        {
            table.Row($"office {o.OfficeId}", $"{(o.MaxDialoguesPerDay > 0 ? o.MaxDialoguesPerDay : p.MaxDialoguesPerDay)} a day, {(o.MaxDialoguesPerWeek > 0 ? o.MaxDialoguesPerWeek : p.MaxDialoguesPerWeek)} a week" + (o.OfficeHours is { } oh ? $", {oh.DayStart}–{oh.DayEnd}" : string.Empty));
        }

        table.Row("huvudmän with their own cycle", Formats.Count(p.HuvudmanCycles.Count));
        console.Write(table);
    }

    private static string Shortened(ShortenedDayKind kind) => kind switch
    {
        ShortenedDayKind.Trettondagsafton => "trettondagsafton",
        ShortenedDayKind.Skartorsdag => "skärtorsdag",
        ShortenedDayKind.Valborgsmassoafton => "valborgsmässoafton",
        ShortenedDayKind.AllaHelgonsAfton => "dagen före alla helgons dag",
        ShortenedDayKind.DagForeJulafton => "23 december",
        _ => kind.ToString(),
    };
}
