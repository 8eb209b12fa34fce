using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planering.Contracts.V1;
using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Gateway.Errors;
using Planering.Gateway.Security;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;
using DomainMode = Planering.Domain.Workload.DialogueMode;

namespace Planering.Gateway.Scheduling;

/// <summary><c>planering.v1.SchedulingService</c>: checks the request's shape, forwards to the grains, maps back.</summary>
public sealed partial class SchedulingApi(IGrainFactory grains, TimeProvider clock) : SchedulingService.SchedulingServiceBase
{
    public const int DefaultHorizonDays = SlotLimits.DefaultHorizonDays;

    /// <summary>How far ahead a date may lie; further is a typo, not a plan.</summary>
    private const int MaxYearsAhead = 5;

    /// <summary>The most rows one import may carry: every kommun's läsårstider for several years, well inside a gRPC message.</summary>
    private const int MaxCalendarRows = 20_000;

    private INationalSchoolCalendarGrain Calendar => grains.GetGrain<INationalSchoolCalendarGrain>(Grains.Hosting.GrainKeys.Sweden);

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<FindNextSlotResponse> FindNextSlot(FindNextSlotRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestShape.OrganisationNumber(violations, "huvudman_id", request.HuvudmanId);
        var earliest = PlanningDate(violations, "earliest_date", request.EarliestDate);
        RequestShape.KnownEnum(violations, "mode", request.Mode, allowUnspecified: true);
        violations.Require(request.HorizonDays is >= 0 and <= SlotLimits.MaxHorizonDays, "horizon_days", $"must be between 1 and {SlotLimits.MaxHorizonDays} (0 means {DefaultHorizonDays})");
        RequestShape.OfficeId(violations, "office_id", request.OfficeId, required: false);
        violations.ThrowIfAny();

        var horizon = request.HorizonDays == 0 ? DefaultHorizonDays : request.HorizonDays;
        var find = new FindSlotRequest(earliest, request.Mode.ToDomainModes(), NullIfEmpty(request.OfficeId), horizon, request.SpsmParticipation);
        var answer = await grains.GetGrain<IHuvudmanGrain>(request.HuvudmanId).FindNextSlotAsync(find, context.CancellationToken);

        var response = new FindNextSlotResponse { Slot = answer.Slot.ToMessage(), DaysExamined = answer.DaysExamined };
        response.Rejections.AddRange(answer.Rejections.Select(r => r.ToMessage()));
        response.Alternatives.AddRange(answer.Alternatives.Select(a => a.ToMessage()));
        return response;
    }

    [Authorize(Policy = ApiRoles.SchedulePolicy)]
    public override async Task<Dialogue> BookDialogue(BookDialogueRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Require(request.RequestId.Length is >= 8 and <= 100 && !request.RequestId.Any(char.IsControl), "request_id", "must be 8–100 printable characters");
        RequestShape.OrganisationNumber(violations, "huvudman_id", request.HuvudmanId);
        var choice = SlotChoice(violations, request.Slot);
        violations.ThrowIfAny();

        // The call's arrival, not this run's: the API may run a call again after a silo's loss (ClusterRetryInterceptor).
        var received = CallArrival.Of(context, clock);
        var dialogue = await grains.GetGrain<IBookingRequestGrain>(request.RequestId).BookAsync(request.HuvudmanId, choice!);
        var answer = dialogue.ToMessage(clock.GetUtcNow());

        // A dialogue booked before this call arrived was booked by an earlier call with the same request_id.
        answer.Replayed = dialogue.BookedAt < received;
        return answer;
    }

    [Authorize(Policy = ApiRoles.SchedulePolicy)]
    public override async Task<Dialogue> CancelDialogue(CancelDialogueRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var officeId = DialogueIds.OfficeOf(request.DialogueId);
        violations.Require(officeId is not null, "dialogue_id", "is not a dialogue id (office.hex)");
        RegistryRules.RequireText(violations, "reason", request.Reason, 500);
        violations.ThrowIfAny();

        var cancelled = await grains.GetGrain<IRegionalOfficeGrain>(officeId!).CancelThroughHuvudmanAsync(request.DialogueId, NullIfEmpty(request.Reason));
        return cancelled.ToMessage(clock.GetUtcNow());
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<ListDialoguesResponse> ListDialogues(ListDialoguesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Require(request.OfficeId.Length == 0 || request.HuvudmanId.Length == 0, "huvudman_id", "give office_id or huvudman_id, not both");
        if (request.HuvudmanId.Length > 0)
        {
            RequestShape.OrganisationNumber(violations, "huvudman_id", request.HuvudmanId);
        }

        RequestShape.OfficeId(violations, "office_id", request.OfficeId, required: false);

        var from = RequestShape.OptionalDateInRange(violations, "from_date", request.FromDate);
        var to = RequestShape.OptionalDateInRange(violations, "to_date", request.ToDate);
        var pageSize = RequestShape.PageSize(violations, request.PageSize);
        RequestShape.PageToken(violations, request.PageToken);
        violations.ThrowIfAny();

        var filter = new DialogueFilter(from, to, request.IncludeCancelled);
        var token = NullIfEmpty(request.PageToken);
        var page = request.HuvudmanId.Length > 0 ? await grains.GetGrain<IHuvudmanGrain>(request.HuvudmanId).ListDialoguesAsync(filter, pageSize, token)
            : request.OfficeId.Length > 0 ? await grains.GetGrain<IRegionalOfficeGrain>(request.OfficeId).ListDialoguesAsync(filter, pageSize, token)
            : await grains.GetGrain<IDialogueQueryGrain>(0).ListAsync(filter, pageSize, token);

        var now = clock.GetUtcNow();
        var response = new ListDialoguesResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        response.Dialogues.AddRange(page.Items.Select(d => d.ToMessage(now)));
        return response;
    }

    [Authorize(Policy = ApiRoles.SchedulePolicy)]
    public override async Task<SchoolHolidays> SetSchoolHoliday(SetSchoolHolidayRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        Kommunkod(violations, request.Kommunkod);
        RequestShape.KnownEnum(violations, "kind", request.Kind, allowUnspecified: false);
        RequestShape.Year(violations, "year", request.Year);
        var start = RequestShape.OptionalDateInRange(violations, "start_date", request.StartDate);
        var end = RequestShape.OptionalDateInRange(violations, "end_date", request.EndDate);
        violations.ThrowIfAny();

        var periods = await Calendar.SetLovAsync(request.Kommunkod, request.Year, request.Kind.ToDomain(), request.Week == 0 ? null : request.Week, start, end);
        return periods.ToMessage(request.Kommunkod, request.Year);
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<SchoolHolidays> GetSchoolHolidays(GetSchoolHolidaysRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        Kommunkod(violations, request.Kommunkod);
        if (request.Year != 0)
        {
            RequestShape.Year(violations, "year", request.Year);
        }

        if (request.OrganisationNumber.Length > 0)
        {
            RequestShape.OrganisationNumber(violations, "organisation_number", request.OrganisationNumber);
        }

        violations.ThrowIfAny();

        // The year of today in Sweden (Europe/Stockholm), as the domain counts dates: at 00:30 on 1 January it is already the new year.
        var year = request.Year == 0 ? StockholmTime.LocalDate(clock.GetUtcNow()).Year : request.Year;
        var periods = await Calendar.GetPeriodsAsync(request.Kommunkod, year, NullIfEmpty(request.OrganisationNumber));
        var message = periods.ToMessage(request.Kommunkod, year);
        message.OrganisationNumber = request.OrganisationNumber;
        return message;
    }

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<ImportSchoolCalendarsResponse> ImportSchoolCalendars(ImportSchoolCalendarsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Require(request.Rows.Count > 0, "rows", "must hold at least one row");
        violations.Require(request.Rows.Count <= MaxCalendarRows, "rows", $"must hold at most {MaxCalendarRows} rows; split the file");
        var rows = new List<SchoolCalendarEntryRecord>(request.Rows.Count);
        if (request.Rows.Count <= MaxCalendarRows)
        {
            for (var i = 0; i < request.Rows.Count; i++)
            {
                if (request.Rows[i].ToRecord(violations, string.Create(CultureInfo.InvariantCulture, $"rows[{i}].")) is { } row)
                {
                    rows.Add(row);
                }
            }
        }

        violations.ThrowIfAny();

        // The grain checks the rest (known kommunkod, the row's year and length, no row twice) under the same names.
        var result = await Calendar.ImportAsync(rows, request.DryRun);
        return new ImportSchoolCalendarsResponse
        {
            NewRows = result.New,
            ChangedRows = result.Changed,
            UnchangedRows = result.Unchanged,
            DryRun = result.DryRun,
            CalendarVersion = result.Version == Guid.Empty ? string.Empty : result.Version.ToString("N"),
        };
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<SchoolCalendarRules> GetSchoolCalendarRules(GetSchoolCalendarRulesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        Kommunkod(violations, request.Kommunkod);
        violations.ThrowIfAny();
        return (await Calendar.GetKommunRuleAsync(request.Kommunkod)).ToMessage();
    }

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<SchoolCalendarRules> SetSchoolCalendarRules(SetSchoolCalendarRulesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        Kommunkod(violations, request.Kommunkod);
        var rule = (request.Rule ?? new Planering.Contracts.V1.KommunLovRule()).ToRecord(violations, "rule.");
        violations.ThrowIfAny();
        try
        {
            return (await Calendar.SetKommunRuleAsync(request.Kommunkod, rule)).ToMessage();
        }
        catch (PlaneringException invalid) when (invalid.Code == Domain.Errors.ErrorCode.InvalidArgument)
        {
            // The domain names a rule's settings by themselves; in this request they are fields of rule.
            throw invalid.WithFieldsRenamed(field => field == "kommunkod" ? field : "rule." + field);
        }
    }

    private SlotChoice? SlotChoice(Violations violations, Slot? slot)
    {
        if (slot is null)
        {
            violations.Add("slot", "is required");
            return null;
        }

        RequestShape.OfficeId(violations, "slot.office_id", slot.OfficeId);
        var date = PlanningDate(violations, "slot.date", slot.Date);
        violations.Require(date is not null, "slot.date", "is required");
        int? minute = null;
        if (TimeOnly.TryParseExact(slot.LocalStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            minute = (start.Hour * 60) + start.Minute;
        }
        else
        {
            violations.Add("slot.local_start", "must be a local time HH:MM");
        }

        violations.Require(slot.Mode is DialogueMode.Digital or DialogueMode.OnSite, "slot.mode", "must be DIGITAL or ON_SITE");
        // How many is the planning parameters' advisors_per_dialogue: the office grain checks that against the live set.
        violations.Require(slot.AdvisorIds.Count is >= 1 and <= 10 && slot.AdvisorIds.Distinct(StringComparer.Ordinal).Count() == slot.AdvisorIds.Count,
            "slot.advisor_ids", "must name different advisors, as many as advisors_per_dialogue");
        var claims = Claims(violations, slot, date, minute);
        if (date is null || minute is null)
        {
            return null;
        }

        var mode = slot.Mode == DialogueMode.OnSite ? DomainMode.OnSite : DomainMode.Digital;
        return new SlotChoice(slot.OfficeId, date.Value, minute.Value, mode, slot.AdvisorIds.ToList(), slot.SpsmParticipation, claims);
    }

    /// <summary>
    /// The derived fields the caller gave (see the proto's Slot), checked against each other and the choice here; the
    /// office checks them against its own figures.
    /// </summary>
    private static SlotClaims? Claims(Violations violations, Slot slot, DateOnly? date, int? startMinute)
    {
        int? endMinute = null;
        if (slot.LocalEnd.Length > 0)
        {
            if (!TimeOnly.TryParseExact(slot.LocalEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                violations.Add("slot.local_end", "must be a local time HH:MM");
            }
            else if (startMinute is { } s && (end.Hour * 60) + end.Minute <= s)
            {
                violations.Add("slot.local_end", "must be after local_start");
            }
            else
            {
                endMinute = (end.Hour * 60) + end.Minute;
            }
        }

        if (date is { } d && startMinute is { } m)
        {
            Instant(violations, "slot.start", slot.Start, d, m, "date and local_start");
            if (endMinute is { } e)
            {
                Instant(violations, "slot.end", slot.End, d, e, "date and local_end");
            }
        }

        if (Representable(slot.Start) && Representable(slot.End) && slot.End.ToDateTimeOffset() <= slot.Start.ToDateTimeOffset())
        {
            violations.Add("slot.end", "must be after start");
        }

        double? Hours(string field, double value)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                violations.Add(field, "must be a finite number of hours, not negative");
                return null;
            }

            return value == 0 ? null : value;
        }

        var dialogueHours = Hours("slot.dialogue_hours", slot.DialogueHours);
        var preparationHours = Hours("slot.preparation_hours", slot.PreparationHours);
        var travelHours = Hours("slot.travel_hours_one_way", slot.TravelHoursOneWay);
        var deadline = RequestShape.OptionalDate(violations, "slot.preparation_deadline", slot.PreparationDeadline);
        if (deadline is { } dl && date is { } day && dl > day)
        {
            violations.Add("slot.preparation_deadline", "must not be after date");
        }

        return endMinute is null && dialogueHours is null && preparationHours is null && travelHours is null && deadline is null
            ? null
            : new SlotClaims(endMinute, dialogueHours, preparationHours, travelHours, deadline);
    }

    /// <summary>A timestamp inside 0001–9999 with valid nanoseconds (what a DateTimeOffset can hold).</summary>
    private static bool Representable(Google.Protobuf.WellKnownTypes.Timestamp? t) =>
        t is not null && t.Seconds is >= -62_135_596_800 and <= 253_402_300_799 && t.Nanos is >= 0 and <= 999_999_999;

    /// <summary>A given UTC instant must be the local date and time it restates; a few hours off means a wrong zone or a stale slot.</summary>
    private static void Instant(Violations violations, string field, Google.Protobuf.WellKnownTypes.Timestamp? given, DateOnly date, int minute, string source)
    {
        if (given is null || minute >= 24 * 60)
        {
            return;
        }

        var expected = StockholmTime.ToUtcLenient(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)));
        if (!Representable(given) || given.ToDateTimeOffset() != expected)
        {
            violations.Add(field, string.Create(CultureInfo.InvariantCulture, $"must be {expected:yyyy-MM-ddTHH:mm:ssZ}, the instant of {source} in Europe/Stockholm"));
        }
    }

    /// <summary>An optional date for planning: not before 2000 and at most five years ahead.</summary>
    private DateOnly? PlanningDate(Violations violations, string field, string value)
    {
        var date = RequestShape.OptionalDate(violations, field, value);
        var today = StockholmTime.LocalDate(clock.GetUtcNow());
        if (date is { } d && (d.Year < 2000 || d > today.AddYears(MaxYearsAhead)))
        {
            violations.Add(field, $"must lie between 2000-01-01 and {MaxYearsAhead} years from today");
            return null;
        }

        return date;
    }

    private static void Kommunkod(Violations violations, string value) =>
        violations.Require(value.Length == 4 && value.All(char.IsAsciiDigit), "kommunkod", "must be a four-digit kommun code");

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
