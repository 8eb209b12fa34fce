using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

[Collection(SharedApi.Name)]
public sealed class SchedulingApiTests(ApiFixture api)
{
    private static int _next = Random.Shared.Next(500_000, 900_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"9{Interlocked.Increment(ref _next):D8}").Value;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Monday of ISO week 9 next year: Stockholm's sportlov, far enough ahead of any "today" for the lead time.</summary>
    private static DateOnly StockholmSportlovMonday => DateOnly.FromDateTime(ISOWeek.ToDateTime(DateTime.UtcNow.Year + 1, 9, DayOfWeek.Monday));

    /// <summary>A fresh office in a kommun of its own with two advisors, and fresh huvudmän there: no other test books it.</summary>
    private async Task<(string OfficeId, List<string> Huvudman)> ArrangeAsync(string kommunkod, int huvudman)
    {
        var officeId = $"t{Guid.NewGuid():N}"[..20];
        await api.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Testkontor", Kommunkod = kommunkod });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-a", Name = "A", Fte = 1 });
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-b", Name = "B", Fte = 1 });
        await api.Registry.SetStaffingAsync(staffing);
        var numbers = new List<string>();
        for (var i = 0; i < huvudman; i++)
        {
            var number = NewOrganisationNumber();
            await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = number, Name = $"Skola {i}", Type = HuvudmanType.Independent, Kommunkod = kommunkod, Pupils = 400 });
            numbers.Add(number);
        }

        return (officeId, numbers);
    }

    private static FindNextSlotRequest Find(string huvudman, string officeId, DateOnly earliest) =>
        new() { HuvudmanId = huvudman, OfficeId = officeId, EarliestDate = Date(earliest), Mode = DialogueMode.Digital };

    [Fact]
    public async Task A_seeded_huvudman_gets_a_slot_with_reasons_and_the_sportlov_week_is_explained()
    {
        var stockholm = OrganisationNumber.FromNineDigits("212000180").Value;
        // Asked at Solna: other tests open offices near Stockholm, and a re-plan may give Stockholm one of them.
        var answer = await api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = stockholm, OfficeId = "solna", EarliestDate = Date(StockholmSportlovMonday), Mode = DialogueMode.Digital });

        Assert.Equal("solna", answer.Slot.OfficeId);
        Assert.True(DateOnly.ParseExact(answer.Slot.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture) >= StockholmSportlovMonday.AddDays(7));
        var lov = Assert.Single(answer.Rejections, r => r.Code == "SCHOOL_HOLIDAY");
        Assert.Equal(Date(StockholmSportlovMonday), lov.FirstDate);
        Assert.Equal("Skollov i huvudmannens kommun", lov.ReasonSv);
        Assert.Equal(2, answer.Slot.AdvisorIds.Count);
        Assert.Equal("08:00", answer.Slot.LocalStart);
    }

    [Fact]
    public async Task Earlier_slots_at_other_offices_are_offered_only_when_one_could_be_earlier()
    {
        var (officeId, huvudman) = await ArrangeAsync("0582", 2);
        var earliest = StockholmSportlovMonday.AddDays(42);

        // The fresh office's first open day at 08:00: every office keeps the same days and hours, so none is earlier.
        var first = await api.Scheduling.FindNextSlotAsync(Find(huvudman[0], officeId, earliest));
        Assert.Equal("08:00", first.Slot.LocalStart);
        Assert.Empty(first.Alternatives);
        await api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = $"alt-{Guid.NewGuid():N}", HuvudmanId = huvudman[0], Slot = first.Slot });

        // Its only two advisors now hold that morning: the next slot there is later, and other offices can start earlier.
        var second = await api.Scheduling.FindNextSlotAsync(Find(huvudman[1], officeId, earliest));
        Assert.True(second.Slot.Start.ToDateTimeOffset() > first.Slot.Start.ToDateTimeOffset());
        Assert.InRange(second.Alternatives.Count, 1, 2);
        Assert.All(second.Alternatives, a =>
        {
            Assert.NotEqual(officeId, a.OfficeId);
            Assert.True(a.Start.ToDateTimeOffset() < second.Slot.Start.ToDateTimeOffset());
        });
    }

    [Fact]
    public async Task On_site_only_a_nearer_office_can_start_earlier_and_is_offered()
    {
        // A huvudman in Borlänge with an office of its own kommun, asked on site at an office in Falun, 20 km away.
        var (nearOffice, huvudman) = await ArrangeAsync("2081", 1);
        var (farOffice, _) = await ArrangeAsync("2080", 0);
        var request = Find(huvudman[0], farOffice, StockholmSportlovMonday.AddDays(42));
        request.Mode = DialogueMode.OnSite;

        var answer = await api.Scheduling.FindNextSlotAsync(request);

        Assert.NotEqual("08:00", answer.Slot.LocalStart);
        var nearer = Assert.Single(answer.Alternatives);
        Assert.Equal((nearOffice, answer.Slot.Date, "08:00"), (nearer.OfficeId, nearer.Date, nearer.LocalStart));
    }

    [Fact]
    public async Task Booking_is_idempotent_survives_a_restart_and_is_listed()
    {
        var (officeId, huvudman) = await ArrangeAsync("0581", 1);
        var earliest = StockholmSportlovMonday.AddDays(28);
        var slot = (await api.Scheduling.FindNextSlotAsync(Find(huvudman[0], officeId, earliest))).Slot;
        var request = new BookDialogueRequest { RequestId = $"book-{Guid.NewGuid():N}", HuvudmanId = huvudman[0], Slot = slot };

        var first = await api.Scheduling.BookDialogueAsync(request);
        var retried = await api.Scheduling.BookDialogueAsync(request);

        // The retry answers the same dialogue, and says it booked nothing new.
        Assert.False(first.Replayed);
        Assert.True(retried.Replayed);
        Assert.Equal(first, retried.Clone().With(r => r.Replayed = false));
        Assert.Equal(DialogueStatus.Booked, first.Status);

        await api.RestartAsync();

        var byOffice = await api.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { OfficeId = officeId });
        Assert.Equal(first, Assert.Single(byOffice.Dialogues));
        var byHuvudman = await api.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { HuvudmanId = huvudman[0] });
        Assert.Equal(first, Assert.Single(byHuvudman.Dialogues));
        var afterRestart = await api.Scheduling.BookDialogueAsync(request);
        Assert.True(afterRestart.Replayed);
        Assert.Equal(first, afterRestart.Clone().With(r => r.Replayed = false));
        var everywhere = await api.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { FromDate = slot.Date, ToDate = slot.Date, PageSize = 1000 });
        Assert.Contains(everywhere.Dialogues, d => d.DialogueId == first.DialogueId);
    }

    [Fact]
    public async Task Many_parallel_bookings_of_one_slot_give_exactly_one_dialogue()
    {
        var (officeId, huvudman) = await ArrangeAsync("0582", 24);
        var slot = (await api.Scheduling.FindNextSlotAsync(Find(huvudman[0], officeId, StockholmSportlovMonday.AddDays(35)))).Slot;

        // Every huvudman tries the same slot twice over (a retry with the same request id), all at once.
        var attempts = huvudman.SelectMany(h => Enumerable.Repeat($"par-{h}", 2).Select(requestId => (h, requestId))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                return (Dialogue: await api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = a.requestId, HuvudmanId = a.h, Slot = slot }), Error: (RpcException?)null);
            }
            catch (RpcException error)
            {
                return (Dialogue: (Dialogue?)null, Error: error);
            }
        }));

        var won = outcomes.Where(o => o.Dialogue is not null).Select(o => o.Dialogue!.DialogueId).Distinct().ToList();
        Assert.Single(won);
        Assert.All(outcomes.Where(o => o.Error is not null), o =>
        {
            Assert.Equal(StatusCode.Aborted, o.Error!.StatusCode);
            Assert.Equal("SLOT_TAKEN", o.Error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
            Assert.NotEmpty(o.Error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Metadata["next_date"]);
        });
        var listed = await api.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { OfficeId = officeId, IncludeCancelled = true });
        Assert.Equal(won[0], Assert.Single(listed.Dialogues).DialogueId);
    }

    [Fact]
    public async Task A_request_id_reused_with_another_body_is_already_exists()
    {
        var (officeId, huvudman) = await ArrangeAsync("0583", 1);
        var slot = (await api.Scheduling.FindNextSlotAsync(Find(huvudman[0], officeId, StockholmSportlovMonday.AddDays(42)))).Slot;
        var request = new BookDialogueRequest { RequestId = $"reuse-{Guid.NewGuid():N}", HuvudmanId = huvudman[0], Slot = slot };
        await api.Scheduling.BookDialogueAsync(request);

        var changed = request.Clone();
        changed.Slot.LocalStart = "13:00";
        (changed.Slot.LocalEnd, changed.Slot.Start, changed.Slot.End) = (string.Empty, null, null);
        var error = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.Scheduling.BookDialogueAsync(changed).ResponseAsync);
        Assert.Equal("request_id", error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Cancelling_frees_the_slot_and_a_holiday_slot_cannot_be_booked()
    {
        var (officeId, huvudman) = await ArrangeAsync("0584", 1);
        var slot = (await api.Scheduling.FindNextSlotAsync(Find(huvudman[0], officeId, StockholmSportlovMonday.AddDays(49)))).Slot;
        var booked = await api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = $"c-{Guid.NewGuid():N}", HuvudmanId = huvudman[0], Slot = slot });

        var cancelled = await api.Scheduling.CancelDialogueAsync(new CancelDialogueRequest { DialogueId = booked.DialogueId, Reason = "ändrade planer" });
        Assert.Equal(DialogueStatus.Cancelled, cancelled.Status);
        var again = await api.Scheduling.FindNextSlotAsync(Find(huvudman[0], officeId, StockholmSportlovMonday.AddDays(49)));
        Assert.Equal((slot.Date, slot.LocalStart), (again.Slot.Date, again.Slot.LocalStart));

        // Kristi himmelsfärdsdag (a Thursday) next year is a public holiday: a rule forbids it, so FAILED_PRECONDITION.
        var ascension = again.Slot.Clone();
        ascension.Date = Date(Planering.Domain.Calendar.EasterComputus.EasterSunday(DateTime.UtcNow.Year + 1).AddDays(39));
        (ascension.Start, ascension.End, ascension.PreparationDeadline) = (null, null, string.Empty);
        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () =>
            api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = $"x-{Guid.NewGuid():N}", HuvudmanId = huvudman[0], Slot = ascension }).ResponseAsync);
        Assert.Equal("PUBLIC_HOLIDAY", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Scheduling.CancelDialogueAsync(new CancelDialogueRequest { DialogueId = $"{officeId}.0123456789abcdef0123" }).ResponseAsync);
    }

    [Fact]
    public async Task A_kommun_can_move_its_sportlov()
    {
        var year = DateTime.UtcNow.Year + 1;
        var set = await api.Scheduling.SetSchoolHolidayAsync(new SetSchoolHolidayRequest { Kommunkod = "0586", Kind = LovKind.Sportlov, Year = year, Week = 11 });
        var sportlov = Assert.Single(set.Periods, p => p.Kind == LovKind.Sportlov);
        Assert.True(sportlov.Overridden);
        Assert.Equal(Date(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, 11, DayOfWeek.Monday))), sportlov.StartDate);
        Assert.Equal(set, await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "0586", Year = year }));

        Assert.Equal(["week"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.SetSchoolHolidayAsync(new SetSchoolHolidayRequest { Kommunkod = "0586", Kind = LovKind.Sportlov, Year = year, Week = 60 }).ResponseAsync));
    }

    [Fact]
    public async Task Bad_scheduling_input_names_the_field()
    {
        var stockholm = OrganisationNumber.FromNineDigits("212000180").Value;
        Assert.Equal(["huvudman_id"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = "123" }).ResponseAsync));
        Assert.Equal(["earliest_date"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = stockholm, EarliestDate = "2200-01-01" }).ResponseAsync));
        Assert.Equal(["mode"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = stockholm, Mode = (DialogueMode)9 }).ResponseAsync));
        Assert.Equal(["horizon_days"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = stockholm, HorizonDays = 1000 }).ResponseAsync));
        Assert.Equal(["request_id", "slot"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = "x", HuvudmanId = stockholm }).ResponseAsync));
        Assert.Equal(["slot.local_start", "slot.mode", "slot.advisor_ids"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.BookDialogueAsync(new BookDialogueRequest
        {
            RequestId = "abcdefgh", HuvudmanId = stockholm,
            Slot = new Slot { OfficeId = "solna", Date = Date(StockholmSportlovMonday), LocalStart = "9", Mode = DialogueMode.Any, AdvisorIds = { "solna-1", "solna-1" } },
        }).ResponseAsync));

        // A slot of another size than advisors_per_dialogue (2 by default) is refused by the office, naming the field.
        Assert.Equal(["slot.advisor_ids"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.BookDialogueAsync(new BookDialogueRequest
        {
            RequestId = "abcdefghi", HuvudmanId = stockholm,
            Slot = new Slot { OfficeId = "solna", Date = Date(StockholmSportlovMonday.AddDays(7)), LocalStart = "09:00", Mode = DialogueMode.Digital, AdvisorIds = { "solna-1" } },
        }).ResponseAsync));
        Assert.Equal(["dialogue_id"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.CancelDialogueAsync(new CancelDialogueRequest { DialogueId = "nope" }).ResponseAsync));
        Assert.Equal(["huvudman_id"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { OfficeId = "solna", HuvudmanId = stockholm }).ResponseAsync));
        Assert.Equal(["to_date"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { OfficeId = "solna", FromDate = "2027-02-01", ToDate = "2027-01-01" }).ResponseAsync));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = NewOrganisationNumber() }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = stockholm, OfficeId = "nowhere" }).ResponseAsync);
    }
}
