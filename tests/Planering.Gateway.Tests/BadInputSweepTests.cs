using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Planering.Contracts.V1;
using Xunit.Abstractions;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

/// <summary>
/// Malformed requests to every method of the four services: empty and overlong strings, control characters, invalid
/// organisation numbers, positions outside Sweden and not numbers at all, dates that do not exist or lie far in the past
/// or future, negative, zero and NaN numbers, unknown enum values, unknown ids, a request id reused for another booking.
/// Every answer must be INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION or ALREADY_EXISTS naming the field
/// (google.rpc.BadRequest) or the reason (google.rpc.ErrorInfo), never INTERNAL or UNKNOWN or a success; and the whole
/// state must be the same afterwards.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class BadInputSweepTests(ApiFixture api, ITestOutputHelper output)
{
    /// <summary>Gävle: no other test arranges anything there.</summary>
    private const string Kommun = "2180";

    private static readonly StatusCode[] Acceptable = [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.AlreadyExists];

    private static readonly string Overlong = new('x', 5_000);

    private static readonly string[] TwiceLulea = ["lulea", "lulea"];

    /// <summary>Stockholms kommun's number with its Luhn digit off by one.</summary>
    private static readonly string WrongCheckDigit = OrganisationNumber.FromNineDigits("212000180").Value[..9]
        + ((OrganisationNumber.FromNineDigits("212000180").Value[9] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);

    private static int _next = Random.Shared.Next(0, 90_000_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"7{Interlocked.Increment(ref _next):D8}").Value;

    /// <summary>
    /// One malformed call. <paramref name="Field"/>, when given, must be among the violations of an INVALID_ARGUMENT;
    /// <paramref name="Reason"/>, when given, must be the google.rpc.ErrorInfo reason.
    /// </summary>
    private sealed record Case(string Method, string What, Func<Task> Call, string? Field = null, string? Reason = null);

    /// <summary>What the malformed calls are aimed at: things that exist, so that only the malformed part is wrong.</summary>
    private sealed record World(string OfficeId, string Huvudman, string Other, Slot Slot, string RequestId, string DialogueId, int Year);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<World> ArrangeAsync()
    {
        var officeId = $"w{Guid.NewGuid():N}"[..20];
        await api.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Svepkontoret", Kommunkod = Kommun });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-a", Name = "A", Fte = 1 });
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-b", Name = "B", Fte = 1 });
        // The new office re-solves the plan after a debounce (it draws huvudmän from around Gävle, Skutskär is 40 km
        // away); StateDigest.ReadSettledAsync waits for that re-solve to end before it takes "before".
        await api.Registry.SetStaffingAsync(staffing);
        var huvudman = NewOrganisationNumber();
        var other = NewOrganisationNumber();
        foreach (var number in new[] { huvudman, other })
        {
            await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = number, Name = "Svepskolan AB", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 300 });
        }

        var year = DateTime.UtcNow.Year + 1;
        var find = new FindNextSlotRequest { HuvudmanId = huvudman, OfficeId = officeId, EarliestDate = $"{year}-04-12", Mode = DialogueMode.Digital };
        var requestId = $"sweep-{Guid.NewGuid():N}";
        var booked = await api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = requestId, HuvudmanId = huvudman, Slot = (await api.Scheduling.FindNextSlotAsync(find)).Slot });
        var free = (await api.Scheduling.FindNextSlotAsync(find.Clone().With(f => f.HuvudmanId = other))).Slot;
        return new World(officeId, huvudman, other, free, requestId, booked.DialogueId, year);
    }

    [Fact]
    public async Task Every_malformed_request_to_every_method_is_refused_naming_the_field_or_reason_and_changes_nothing()
    {
        var world = await ArrangeAsync();
        var cases = Cases(world);
        var touched = new[] { (Kommun, world.Year), (Kommun, world.Year + 1), ("0180", world.Year) };
        var before = await StateDigest.ReadSettledAsync(api, touched);

        var failures = new List<string>();
        foreach (var sweep in cases)
        {
            if (await ProblemAsync(sweep) is { } problem)
            {
                failures.Add($"{sweep.Method} ({sweep.What}): {problem}");
            }
        }

        output.WriteLine($"{cases.Count} malformed calls to {cases.Select(c => c.Method).Distinct().Count()} methods");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} answers were wrong:\n{string.Join('\n', failures)}");
        Assert.Equal(before, await StateDigest.ReadAsync(api, touched));
    }

    [Fact]
    public void The_sweep_reaches_every_method_that_takes_input()
    {
        var world = new World("office", "1", "2", new Slot(), "request", "dialogue", 2030);
        var swept = Cases(world).Select(c => c.Method).ToHashSet(StringComparer.Ordinal);

        // Raw bytes reach every method, even the three that take no fields (ListOffices, GetPlan, Rebalance); every
        // other method must also have malformed fields swept.
        var methods = RawBodies.AllMethods().Select(m => (Name: $"{m.Service.Name}/{m.Name}", Fields: m.InputType.Fields.InDeclarationOrder().Count));
        var fieldCases = Cases(world).Where(c => !c.What.StartsWith("raw bytes", StringComparison.Ordinal)).Select(c => c.Method).ToHashSet(StringComparer.Ordinal);

        Assert.All(methods, m => Assert.True(swept.Contains(m.Name) && (m.Fields == 0 || fieldCases.Contains(m.Name)), $"{m.Name} is not swept"));
    }

    /// <summary>Why the answer to one case is wrong, or null when it is right.</summary>
    private static async Task<string?> ProblemAsync(Case sweep)
    {
        RpcException error;
        try
        {
            await sweep.Call();
            return "succeeded";
        }
        catch (RpcException caught)
        {
            error = caught;
        }

        if (!Acceptable.Contains(error.StatusCode))
        {
            return $"{error.StatusCode}: {error.Status.Detail}";
        }

        // A refusal explains itself; it does not hand an attacker's 5,000 characters back (into logs and clients).
        if (error.Status.Detail.Length > 1_000)
        {
            return $"{error.StatusCode} with a message of {error.Status.Detail.Length} characters: {error.Status.Detail[..80]}…";
        }

        var status = error.GetRpcStatus();
        var fields = status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).Where(f => f.Length > 0).ToList() ?? [];
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        if (error.StatusCode == StatusCode.InvalidArgument)
        {
            // A body that is not protobuf at all has no field to name; its reason says what is wrong.
            if (fields.Count == 0 && sweep.Reason is null)
            {
                return $"INVALID_ARGUMENT without a field violation: {error.Status.Detail}";
            }

            if (sweep.Field is { } expected && !fields.Contains(expected))
            {
                return $"INVALID_ARGUMENT names {string.Join(", ", fields)}, not {expected}";
            }
        }
        else if (fields.Count == 0 && string.IsNullOrEmpty(reason))
        {
            return $"{error.StatusCode} names neither a field nor a reason: {error.Status.Detail}";
        }

        if (sweep.Reason is { } expectedReason && reason != expectedReason)
        {
            return $"{error.StatusCode} with reason {reason ?? "(none)"}, not {expectedReason}: {error.Status.Detail}";
        }

        return null;
    }

    /// <summary>Organisation numbers that are no organisation number, with what is wrong with them.</summary>
    private static IEnumerable<(string Value, string What)> BadOrganisationNumbers() =>
    [
        (string.Empty, "empty"),
        ("123", "too short"),
        ("21200018000", "eleven digits"),
        ("212000-0180", "with a separator"),
        (WrongCheckDigit, "wrong check digit"),
        ("abcdefghij", "letters"),
        ("21200018０0", "a full-width digit"),
        (Overlong, "overlong"),
    ];

    private static IEnumerable<(GeoPoint Point, string What)> BadPositions() =>
    [
        (new GeoPoint { Latitude = double.NaN, Longitude = 15 }, "NaN latitude"),
        (new GeoPoint { Latitude = 60, Longitude = double.PositiveInfinity }, "infinite longitude"),
        (new GeoPoint { Latitude = 0, Longitude = 0 }, "null island"),
        (new GeoPoint { Latitude = 91, Longitude = 15 }, "latitude over 90"),
        (new GeoPoint { Latitude = 60, Longitude = -200 }, "longitude under -180"),
        (new GeoPoint { Latitude = 59.9, Longitude = 30.3 }, "Saint Petersburg"),
        (new GeoPoint { Latitude = 69.6, Longitude = 18.9 }, "Tromsø"),
    ];

    private static IEnumerable<(string Value, string What)> BadDates() =>
    [
        ("tomorrow", "not a date"),
        ("2027-02-30", "30 February"),
        ("2027-13-01", "month 13"),
        ("27-03-01", "two-digit year"),
        ("2027-3-1", "no leading zeros"),
        ("1899-12-31", "far past"),
        ("9999-12-31", "far future"),
        (Overlong, "overlong"),
    ];

    private static IEnumerable<(string Value, string What)> BadNames() =>
    [
        (string.Empty, "empty"),
        ("   ", "blank"),
        ("Skola\u0000AB", "a NUL character"),
        (Overlong, "overlong"),
    ];

    private static IEnumerable<(string Value, string What)> BadSlugs() =>
    [
        (string.Empty, "empty"),
        ("Umeå Kontor", "upper case, space and å"),
        ("-lulea", "leading hyphen"),
        ("a", "one character"),
        ("lulea\u0007", "a control character"),
        (Overlong, "overlong"),
    ];

    /// <summary>The live planning parameters, read once (every SetPlanningParameters case starts from them).</summary>
    private PlanningParameters LiveParameters() =>
        (_live ??= api.Planning.GetPlanningParameters(new GetPlanningParametersRequest())).Clone();

    private PlanningParameters? _live;

    private List<Case> Cases(World w)
    {
        var cases = new List<Case>();
        var registry = api.Registry;
        var scheduling = api.Scheduling;
        var planning = api.Planning;
        var forecast = api.Forecast;
        var unknownHuvudman = OrganisationNumber.FromNineDigits("799999999").Value;
        var year = w.Year;

        // RegistryService/UpsertHuvudman: a new huvudman that would be created if the one wrong field were right.
        UpsertHuvudmanRequest NewHuvudman() => new() { OrganisationNumber = NewOrganisationNumber(), Name = "Ny skola AB", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 100 };
        void Upsert(string what, Action<UpsertHuvudmanRequest> change, string? field) =>
            cases.Add(new("RegistryService/UpsertHuvudman", what, () => registry.UpsertHuvudmanAsync(NewHuvudman().With(change)).ResponseAsync, field));
        foreach (var (value, what) in BadOrganisationNumbers())
        {
            Upsert($"organisation number {what}", r => r.OrganisationNumber = value, "organisation_number");
        }

        foreach (var (value, what) in BadNames())
        {
            Upsert($"name {what}", r => r.Name = value, "name");
        }

        Upsert("type unspecified", r => r.Type = HuvudmanType.Unspecified, "type");
        Upsert("type 99", r => r.Type = (HuvudmanType)99, "type");
        Upsert("kommunkod empty", r => r.Kommunkod = string.Empty, "kommunkod");
        Upsert("kommunkod unknown", r => r.Kommunkod = "9999", "kommunkod");
        Upsert("kommunkod letters", r => r.Kommunkod = "abcd", "kommunkod");
        Upsert("kommunkod overlong", r => r.Kommunkod = Overlong, "kommunkod");
        foreach (var (point, what) in BadPositions())
        {
            Upsert($"position {what}", r => r.Position = point, null);
        }

        Upsert("pupils negative", r => r.Pupils = -1, "pupils");
        Upsert("pupils int.MaxValue", r => r.Pupils = int.MaxValue, "pupils");
        cases.Add(new("RegistryService/UpsertHuvudman", "an existing huvudman with a name too long",
            () => registry.UpsertHuvudmanAsync(NewHuvudman().With(r => { r.OrganisationNumber = w.Huvudman; r.Name = Overlong; })).ResponseAsync, "name"));

        // RegistryService/ImportHuvudman: a good row and one the case spoils, in two messages; nothing may be imported.
        void ImportRegister(string what, Action<UpsertHuvudmanRequest> change, string? field)
        {
            var (good, spoiled) = (NewHuvudman(), NewHuvudman().With(change));
            cases.Add(new("RegistryService/ImportHuvudman", what, () => Streams.SendAsync(registry.ImportHuvudman(),
                new ImportHuvudmanRequest { Rows = { good } }, new ImportHuvudmanRequest { Rows = { spoiled } }), field));
        }

        foreach (var (value, what) in BadOrganisationNumbers())
        {
            ImportRegister($"organisation number {what}", r => r.OrganisationNumber = value, "rows[1].organisation_number");
        }

        foreach (var (value, what) in BadNames())
        {
            ImportRegister($"name {what}", r => r.Name = value, "rows[1].name");
        }

        ImportRegister("type unspecified", r => r.Type = HuvudmanType.Unspecified, "rows[1].type");
        ImportRegister("kommunkod unknown", r => r.Kommunkod = "9999", "rows[1].kommunkod");
        ImportRegister("kommunkod overlong", r => r.Kommunkod = Overlong, "rows[1].kommunkod");
        foreach (var (point, what) in BadPositions())
        {
            ImportRegister($"position {what}", r => r.Position = point, null);
        }

        ImportRegister("pupils negative", r => r.Pupils = -1, "rows[1].pupils");
        cases.Add(new("RegistryService/ImportHuvudman", "no rows", () => Streams.SendAsync(registry.ImportHuvudman(), new ImportHuvudmanRequest()), "rows"));
        cases.Add(new("RegistryService/ImportHuvudman", "the same number twice", () =>
        {
            var row = NewHuvudman();
            return Streams.SendAsync(registry.ImportHuvudman(), new ImportHuvudmanRequest { Rows = { row, row.Clone() } });
        }, "rows[1].organisation_number"));

        // RegistryService/GetHuvudman
        foreach (var (value, what) in BadOrganisationNumbers())
        {
            cases.Add(new("RegistryService/GetHuvudman", $"organisation number {what}", () => registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = value }).ResponseAsync, "organisation_number"));
        }

        cases.Add(new("RegistryService/GetHuvudman", "unknown", () => registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = unknownHuvudman }).ResponseAsync, Reason: "HUVUDMAN_NOT_FOUND"));

        // RegistryService/ListHuvudman
        void List(string what, Action<ListHuvudmanRequest> change, string? field) =>
            cases.Add(new("RegistryService/ListHuvudman", what, () => registry.ListHuvudmanAsync(new ListHuvudmanRequest().With(change)).ResponseAsync, field));
        List("page size negative", r => r.PageSize = -1, "page_size");
        List("page size 1001", r => r.PageSize = 1001, "page_size");
        List("page size int.MinValue", r => r.PageSize = int.MinValue, "page_size");
        List("page token garbage", r => r.PageToken = "not-a-token", "page_token");
        List("page token overlong", r => r.PageToken = Overlong, "page_token");
        List("lanskod unknown", r => r.Lanskod = "99", "lanskod");
        List("lanskod letters", r => r.Lanskod = "ab", "lanskod");
        List("lanskod overlong", r => r.Lanskod = Overlong, "lanskod");
        List("kommunkod unknown", r => r.Kommunkod = "9999", "kommunkod");
        List("kommunkod overlong", r => r.Kommunkod = Overlong, "kommunkod");
        List("office id overlong", r => r.OfficeId = Overlong, "office_id");
        List("office unknown", r => r.OfficeId = "nowhere", null);
        List("type 99", r => r.Type = (HuvudmanType)99, "type");

        // RegistryService/UpsertOffice: a new office, and the existing one changed.
        UpsertOfficeRequest NewOffice() => new() { OfficeId = $"n{Guid.NewGuid():N}"[..20], Name = "Nytt kontor", Kommunkod = Kommun };
        void Office(string what, Action<UpsertOfficeRequest> change, string? field)
        {
            cases.Add(new("RegistryService/UpsertOffice", $"new office, {what}", () => registry.UpsertOfficeAsync(NewOffice().With(change)).ResponseAsync, field));
            if (field != "office_id")
            {
                cases.Add(new("RegistryService/UpsertOffice", $"existing office, {what}", () => registry.UpsertOfficeAsync(NewOffice().With(r => r.OfficeId = w.OfficeId).With(change)).ResponseAsync, field));
            }
        }

        foreach (var (value, what) in BadSlugs())
        {
            Office($"office id {what}", r => r.OfficeId = value, "office_id");
        }

        foreach (var (value, what) in BadNames())
        {
            Office($"name {what}", r => r.Name = value, "name");
        }

        Office("kommunkod unknown", r => r.Kommunkod = "9999", "kommunkod");
        Office("kommunkod empty", r => r.Kommunkod = string.Empty, "kommunkod");
        foreach (var (point, what) in BadPositions())
        {
            Office($"position {what}", r => r.Position = point, null);
        }

        foreach (var (value, what) in BadDates())
        {
            Office($"opened {what}", r => r.Opened = value, "opened");
        }

        // RegistryService/GetOffice
        foreach (var (value, what) in BadSlugs())
        {
            cases.Add(new("RegistryService/GetOffice", $"office id {what}", () => registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = value }).ResponseAsync, "office_id"));
        }

        cases.Add(new("RegistryService/GetOffice", "unknown", () => registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "nowhere" }).ResponseAsync, Reason: "OFFICE_NOT_FOUND"));

        // RegistryService/SetStaffing: the existing office's staff replaced by a malformed one.
        SetStaffingRequest Staff(params Advisor[] advisors)
        {
            var request = new SetStaffingRequest { OfficeId = w.OfficeId };
            request.Advisors.AddRange(advisors);
            return request;
        }

        Advisor Good(string suffix) => new() { AdvisorId = $"{w.OfficeId}-{suffix}", Name = "Rådgivare", Fte = 1 };
        void Staffing(string what, SetStaffingRequest request, string? field) =>
            cases.Add(new("RegistryService/SetStaffing", what, () => registry.SetStaffingAsync(request).ResponseAsync, field));
        foreach (var (value, what) in BadSlugs())
        {
            Staffing($"office id {what}", Staff(Good("a")).With(r => r.OfficeId = value), "office_id");
        }

        Staffing("office unknown", Staff(Good("a")).With(r => r.OfficeId = "nowhere"), null);
        foreach (var fte in new[] { 0, -0.5, 1.5, double.NaN, double.PositiveInfinity })
        {
            Staffing($"fte {fte}", Staff(Good("a").With(a => a.Fte = fte)), "advisors[0].fte");
        }

        foreach (var (value, what) in BadSlugs())
        {
            Staffing($"advisor id {what}", Staff(Good("a").With(a => a.AdvisorId = value)), "advisors[0].advisor_id");
        }

        Staffing("advisor id twice", Staff(Good("a"), Good("a")), "advisors[1].advisor_id");
        foreach (var (value, what) in BadNames())
        {
            Staffing($"advisor name {what}", Staff(Good("a").With(a => a.Name = value)), "advisors[0].name");
        }

        Staffing("working day 99", Staff(Good("a").With(a => a.WorkingDays.Add((Weekday)99))), "advisors[0].working_days");
        Staffing("working day unspecified", Staff(Good("a").With(a => a.WorkingDays.Add(Weekday.Unspecified))), "advisors[0].working_days");
        Staffing("working day Sunday", Staff(Good("a").With(a => a.WorkingDays.Add(Weekday.Sunday))), "advisors[0].working_days");
        foreach (var (value, what) in BadDates())
        {
            Staffing($"absence start {what}", Staff(Good("a").With(a => a.Absences.Add(new Absence { StartDate = value, EndDate = $"{year}-05-01" }))), null);
        }

        Staffing("absence without dates", Staff(Good("a").With(a => a.Absences.Add(new Absence()))), "advisors[0].absences[0].start_date");
        Staffing("absence ending before it starts", Staff(Good("a").With(a => a.Absences.Add(new Absence { StartDate = $"{year}-05-10", EndDate = $"{year}-05-01" }))), "advisors[0].absences[0].end_date");
        Staffing("absence reason overlong", Staff(Good("a").With(a => a.Absences.Add(new Absence { StartDate = $"{year}-05-01", EndDate = $"{year}-05-02", Reason = Overlong }))), "advisors[0].absences[0].reason");
        Staffing("absence reason with a NUL", Staff(Good("a").With(a => a.Absences.Add(new Absence { StartDate = $"{year}-05-01", EndDate = $"{year}-05-02", Reason = "sjuk\u0000" }))), "advisors[0].absences[0].reason");
        Staffing("501 advisors", Staff([.. Enumerable.Range(0, 501).Select(i => Good($"x{i}"))]), "advisors");

        // SchedulingService/FindNextSlot
        FindNextSlotRequest Find() => new() { HuvudmanId = w.Huvudman, OfficeId = w.OfficeId, EarliestDate = $"{year}-04-12", Mode = DialogueMode.Digital };
        void Search(string what, Action<FindNextSlotRequest> change, string? field) =>
            cases.Add(new("SchedulingService/FindNextSlot", what, () => scheduling.FindNextSlotAsync(Find().With(change)).ResponseAsync, field));
        foreach (var (value, what) in BadOrganisationNumbers())
        {
            Search($"huvudman id {what}", r => r.HuvudmanId = value, "huvudman_id");
        }

        Search("huvudman unknown", r => r.HuvudmanId = unknownHuvudman, null);
        foreach (var (value, what) in BadDates())
        {
            Search($"earliest date {what}", r => r.EarliestDate = value, "earliest_date");
        }

        Search("mode 99", r => r.Mode = (DialogueMode)99, "mode");
        Search("office id overlong", r => r.OfficeId = Overlong, "office_id");
        Search("office id upper case", r => r.OfficeId = "LULEA", "office_id");
        Search("office unknown", r => r.OfficeId = "nowhere", null);
        Search("horizon negative", r => r.HorizonDays = -1, "horizon_days");
        Search("horizon 731 days", r => r.HorizonDays = 731, "horizon_days");
        Search("horizon int.MaxValue", r => r.HorizonDays = int.MaxValue, "horizon_days");

        // SchedulingService/BookDialogue: the free slot, booked with one thing wrong.
        BookDialogueRequest Book() => new() { RequestId = $"sweep-{Guid.NewGuid():N}", HuvudmanId = w.Other, Slot = w.Slot.Clone() };
        void Booking(string what, Action<BookDialogueRequest> change, string? field, string? reason = null) =>
            cases.Add(new("SchedulingService/BookDialogue", what, () => scheduling.BookDialogueAsync(Book().With(change)).ResponseAsync, field, reason));
        Booking("request id empty", r => r.RequestId = string.Empty, "request_id");
        Booking("request id short", r => r.RequestId = "short", "request_id");
        Booking("request id overlong", r => r.RequestId = Overlong, "request_id");
        Booking("request id with a newline", r => r.RequestId = "sweep-\n-request", "request_id");
        Booking("request id reused for another huvudman and slot", r => r.RequestId = w.RequestId, null, "REQUEST_ID_REUSED");
        Booking("request id reused for the same huvudman at another time", r => { r.RequestId = w.RequestId; r.HuvudmanId = w.Huvudman; }, null, "REQUEST_ID_REUSED");
        foreach (var (value, what) in BadOrganisationNumbers())
        {
            Booking($"huvudman id {what}", r => r.HuvudmanId = value, "huvudman_id");
        }

        Booking("huvudman unknown", r => r.HuvudmanId = unknownHuvudman, null, "HUVUDMAN_NOT_FOUND");
        Booking("no slot", r => r.Slot = null, "slot");
        Booking("slot office empty", r => r.Slot.OfficeId = string.Empty, "slot.office_id");
        Booking("slot office overlong", r => r.Slot.OfficeId = Overlong, "slot.office_id");
        Booking("slot office unknown", r => r.Slot.OfficeId = "nowhere", null, "OFFICE_NOT_FOUND");
        foreach (var (value, what) in BadDates())
        {
            Booking($"slot date {what}", r => r.Slot.Date = value, "slot.date");
        }

        Booking("slot date empty", r => r.Slot.Date = string.Empty, "slot.date");
        Booking("slot on a Sunday", r => ChoiceOnly(r.Slot).Date = Date(NextSunday(year)), null, "NON_WORKING_DAY");
        Booking("slot on a holiday that falls on a weekday", r => ChoiceOnly(r.Slot).Date = Date(WeekdayHoliday(year)), null, "PUBLIC_HOLIDAY");
        Booking("slot start 25:00", r => r.Slot.LocalStart = "25:00", "slot.local_start");
        Booking("slot start empty", r => r.Slot.LocalStart = string.Empty, "slot.local_start");
        Booking("slot start at 03:00", r => ChoiceOnly(r.Slot).LocalStart = "03:00", null, "OUTSIDE_OFFICE_HOURS");
        Booking("slot ending after office hours", r => ChoiceOnly(r.Slot).LocalStart = "16:30", null, "OUTSIDE_OFFICE_HOURS");
        Booking("slot mode unspecified", r => r.Slot.Mode = DialogueMode.Unspecified, "slot.mode");
        Booking("slot mode ANY", r => r.Slot.Mode = DialogueMode.Any, "slot.mode");
        Booking("slot mode 99", r => r.Slot.Mode = (DialogueMode)99, "slot.mode");
        Booking("slot without advisors", r => r.Slot.AdvisorIds.Clear(), "slot.advisor_ids");
        Booking("slot with one advisor twice", r => { r.Slot.AdvisorIds.Clear(); r.Slot.AdvisorIds.Add($"{w.OfficeId}-a"); r.Slot.AdvisorIds.Add($"{w.OfficeId}-a"); }, "slot.advisor_ids");
        Booking("slot with unknown advisors", r => { r.Slot.AdvisorIds.Clear(); r.Slot.AdvisorIds.Add("ghost-a"); r.Slot.AdvisorIds.Add("ghost-b"); }, null);
        Booking("slot with three advisors", r => r.Slot.AdvisorIds.Add("third"), "slot.advisor_ids");

        // A slot that contradicts itself, or what the server computes for it (the found slot is the server's answer).
        Booking("slot ending before it starts", r => r.Slot.LocalEnd = "07:00", "slot.local_end");
        Booking("slot end not a time", r => r.Slot.LocalEnd = "late", "slot.local_end");
        Booking("slot start instant three hours off", r => r.Slot.Start = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(w.Slot.Start.ToDateTimeOffset().AddHours(3)), "slot.start");
        Booking("slot end instant three hours off", r => r.Slot.End = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(w.Slot.End.ToDateTimeOffset().AddHours(-3)), "slot.end");
        Booking("slot start instant out of range", r => r.Slot.Start = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = long.MaxValue }, "slot.start");
        Booking("slot dialogue hours NaN", r => r.Slot.DialogueHours = double.NaN, "slot.dialogue_hours");
        Booking("slot dialogue hours negative", r => r.Slot.DialogueHours = -2, "slot.dialogue_hours");
        Booking("slot dialogue hours infinite", r => r.Slot.DialogueHours = double.PositiveInfinity, "slot.dialogue_hours");
        Booking("slot preparation hours negative", r => r.Slot.PreparationHours = -1, "slot.preparation_hours");
        Booking("slot travel hours NaN", r => r.Slot.TravelHoursOneWay = double.NaN, "slot.travel_hours_one_way");
        Booking("slot preparation deadline after the date", r => r.Slot.PreparationDeadline = Date(DateOnly.Parse(w.Slot.Date, CultureInfo.InvariantCulture).AddDays(1)), "slot.preparation_deadline");
        Booking("slot preparation deadline not a date", r => r.Slot.PreparationDeadline = "soon", "slot.preparation_deadline");
        Booking("slot dialogue hours other than the server's", r => r.Slot.DialogueHours = w.Slot.DialogueHours + 1, "slot.dialogue_hours");
        Booking("slot preparation deadline other than the server's", r => r.Slot.PreparationDeadline = Date(DateOnly.Parse(w.Slot.PreparationDeadline, CultureInfo.InvariantCulture).AddDays(-1)), "slot.preparation_deadline");
        Booking("slot ending later than the server's reckoning", r =>
        {
            var end = TimeOnly.ParseExact(w.Slot.LocalEnd, "HH:mm", CultureInfo.InvariantCulture).AddMinutes(30);
            r.Slot.LocalEnd = end.ToString("HH:mm", CultureInfo.InvariantCulture);
            r.Slot.End = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(w.Slot.End.ToDateTimeOffset().AddMinutes(30));
        }, "slot.local_end");

        // SchedulingService/CancelDialogue
        void Cancel(string what, CancelDialogueRequest request, string? field) =>
            cases.Add(new("SchedulingService/CancelDialogue", what, () => scheduling.CancelDialogueAsync(request).ResponseAsync, field));
        Cancel("dialogue id empty", new CancelDialogueRequest(), "dialogue_id");
        Cancel("dialogue id with too few hex digits", new CancelDialogueRequest { DialogueId = $"{w.OfficeId}.0123456789abcdef" }, "dialogue_id");
        Cancel("dialogue id without an office", new CancelDialogueRequest { DialogueId = "0123456789abcdef0123" }, "dialogue_id");
        Cancel("dialogue id overlong", new CancelDialogueRequest { DialogueId = Overlong }, "dialogue_id");
        Cancel("dialogue id of an upper-case office", new CancelDialogueRequest { DialogueId = "LULEA.0123456789abcdef0123" }, "dialogue_id");
        Cancel("dialogue id with a control character", new CancelDialogueRequest { DialogueId = $"{w.OfficeId}.01234\u000156789abcdef012" }, "dialogue_id");
        Cancel("office unknown", new CancelDialogueRequest { DialogueId = "nowhere.0123456789abcdef0123" }, null);
        Cancel("dialogue unknown", new CancelDialogueRequest { DialogueId = $"{w.OfficeId}.0123456789abcdef0123" }, null);
        cases[^1] = cases[^1] with { Reason = "DIALOGUE_NOT_FOUND" };
        Cancel("reason overlong", new CancelDialogueRequest { DialogueId = w.DialogueId, Reason = Overlong }, "reason");
        Cancel("reason with a control character", new CancelDialogueRequest { DialogueId = w.DialogueId, Reason = "nej\u0000" }, "reason");

        // SchedulingService/ListDialogues
        void Dialogues(string what, Action<ListDialoguesRequest> change, string? field) =>
            cases.Add(new("SchedulingService/ListDialogues", what, () => scheduling.ListDialoguesAsync(new ListDialoguesRequest().With(change)).ResponseAsync, field));
        Dialogues("both office and huvudman", r => { r.OfficeId = w.OfficeId; r.HuvudmanId = w.Huvudman; }, "huvudman_id");
        foreach (var (value, what) in BadOrganisationNumbers().Where(n => n.Value.Length > 0))
        {
            Dialogues($"huvudman id {what}", r => r.HuvudmanId = value, "huvudman_id");
        }

        Dialogues("huvudman unknown", r => r.HuvudmanId = unknownHuvudman, null);
        Dialogues("office id overlong", r => r.OfficeId = Overlong, "office_id");
        Dialogues("office id upper case", r => r.OfficeId = "LULEA", "office_id");
        Dialogues("office unknown", r => r.OfficeId = "nowhere", null);
        foreach (var (value, what) in BadDates())
        {
            Dialogues($"from date {what}", r => r.FromDate = value, "from_date");
            Dialogues($"to date {what}", r => r.ToDate = value, "to_date");
        }

        Dialogues("to date before from date", r => { r.FromDate = $"{year}-06-01"; r.ToDate = $"{year}-05-01"; }, "to_date");
        Dialogues("page size negative", r => r.PageSize = -1, "page_size");
        Dialogues("page size 1001", r => r.PageSize = 1001, "page_size");
        Dialogues("page token garbage", r => r.PageToken = "not-a-token", "page_token");
        Dialogues("page token overlong", r => r.PageToken = Overlong, "page_token");
        Dialogues("page token garbage for an office", r => { r.OfficeId = w.OfficeId; r.PageToken = "not-a-token"; }, "page_token");
        Dialogues("page token garbage for a huvudman", r => { r.HuvudmanId = w.Huvudman; r.PageToken = "not-a-token"; }, "page_token");

        // SchedulingService/SetSchoolHoliday
        SetSchoolHolidayRequest Lov() => new() { Kommunkod = Kommun, Kind = LovKind.Sportlov, Year = year, Week = 10 };
        void Holiday(string what, Action<SetSchoolHolidayRequest> change, string? field) =>
            cases.Add(new("SchedulingService/SetSchoolHoliday", what, () => scheduling.SetSchoolHolidayAsync(Lov().With(change)).ResponseAsync, field));
        Holiday("kommunkod empty", r => r.Kommunkod = string.Empty, "kommunkod");
        Holiday("kommunkod unknown", r => r.Kommunkod = "9999", "kommunkod");
        Holiday("kommunkod letters", r => r.Kommunkod = "abcd", "kommunkod");
        Holiday("kommunkod overlong", r => r.Kommunkod = Overlong, "kommunkod");
        Holiday("kind unspecified", r => r.Kind = LovKind.Unspecified, "kind");
        Holiday("kind 99", r => r.Kind = (LovKind)99, "kind");
        Holiday("year 0", r => r.Year = 0, "year");
        Holiday("year negative", r => r.Year = -1, "year");
        Holiday("year 1800", r => r.Year = 1800, "year");
        Holiday("year 1900, inside the holiday calendar but outside the registry's years", r => r.Year = 1900, "year");
        Holiday("year 2150", r => r.Year = 2150, "year");
        Holiday("dates in 1900", r => { r.Year = 1900; r.Week = 0; r.StartDate = "1900-03-05"; r.EndDate = "1900-03-09"; }, "year");
        Holiday("year 3000", r => r.Year = 3000, "year");
        Holiday("year int.MaxValue", r => r.Year = int.MaxValue, "year");
        Holiday("week negative", r => r.Week = -1, "week");
        Holiday("week 54", r => r.Week = 54, "week");
        Holiday("week int.MinValue", r => r.Week = int.MinValue, "week");
        Holiday("neither week nor dates", r => r.Week = 0, null);
        Holiday("both week and dates", r => { r.StartDate = $"{year}-03-02"; r.EndDate = $"{year}-03-06"; }, null);
        foreach (var (value, what) in BadDates())
        {
            Holiday($"start date {what}", r => { r.Week = 0; r.StartDate = value; r.EndDate = $"{year}-03-06"; }, "start_date");
        }

        Holiday("end before start", r => { r.Week = 0; r.StartDate = $"{year}-03-06"; r.EndDate = $"{year}-03-02"; }, null);
        Holiday("dates in another year", r => { r.Week = 0; r.StartDate = $"{year + 3}-03-02"; r.EndDate = $"{year + 3}-03-06"; }, null);
        Holiday("sommarlov by week", r => r.Kind = LovKind.Sommarlov, "week");
        Holiday("jullov by week", r => r.Kind = LovKind.Jullov, "week");

        // SchedulingService/GetSchoolHolidays
        void Holidays(string what, GetSchoolHolidaysRequest request, string? field) =>
            cases.Add(new("SchedulingService/GetSchoolHolidays", what, () => scheduling.GetSchoolHolidaysAsync(request).ResponseAsync, field));
        Holidays("kommunkod empty", new GetSchoolHolidaysRequest { Year = year }, "kommunkod");
        Holidays("kommunkod unknown", new GetSchoolHolidaysRequest { Kommunkod = "9999", Year = year }, "kommunkod");
        Holidays("kommunkod letters", new GetSchoolHolidaysRequest { Kommunkod = "abcd", Year = year }, "kommunkod");
        Holidays("kommunkod overlong", new GetSchoolHolidaysRequest { Kommunkod = Overlong, Year = year }, "kommunkod");
        Holidays("year negative", new GetSchoolHolidaysRequest { Kommunkod = Kommun, Year = -1 }, "year");
        Holidays("year 1800", new GetSchoolHolidaysRequest { Kommunkod = Kommun, Year = 1800 }, "year");
        Holidays("year 1900", new GetSchoolHolidaysRequest { Kommunkod = Kommun, Year = 1900 }, "year");
        Holidays("year 2150", new GetSchoolHolidaysRequest { Kommunkod = Kommun, Year = 2150 }, "year");
        Holidays("year int.MaxValue", new GetSchoolHolidaysRequest { Kommunkod = Kommun, Year = int.MaxValue }, "year");

        // SchedulingService/ImportSchoolCalendars: one good row and one the case spoils; nothing may be imported.
        SchoolCalendarRow GoodRow() => new() { Kommunkod = Kommun, SchoolYear = $"{year - 1}/{year % 100:00}", Kind = SchoolCalendarPeriodKind.Sportlov, FirstDay = $"{year}-03-09", LastDay = $"{year}-03-13" };
        void Import(string what, Action<SchoolCalendarRow> change, string? field)
        {
            var request = new ImportSchoolCalendarsRequest { Rows = { GoodRow(), GoodRow().With(r => r.Kind = SchoolCalendarPeriodKind.Hostlov).With(r => { r.SchoolYear = $"{year}/{(year + 1) % 100:00}"; r.FirstDay = $"{year}-10-26"; r.LastDay = $"{year}-10-30"; }).With(change) } };
            cases.Add(new("SchedulingService/ImportSchoolCalendars", what, () => scheduling.ImportSchoolCalendarsAsync(request).ResponseAsync, field));
        }

        cases.Add(new("SchedulingService/ImportSchoolCalendars", "no rows", () => scheduling.ImportSchoolCalendarsAsync(new ImportSchoolCalendarsRequest()).ResponseAsync, "rows"));
        Import("kommunkod empty", r => r.Kommunkod = string.Empty, "rows[1].kommunkod");
        Import("kommunkod unknown", r => r.Kommunkod = "9999", "rows[1].kommunkod");
        Import("kommunkod overlong", r => r.Kommunkod = Overlong, "rows[1].kommunkod");
        Import("school year empty", r => r.SchoolYear = string.Empty, "rows[1].school_year");
        Import("school year not consecutive", r => r.SchoolYear = $"{year}/{(year + 2) % 100:00}", "rows[1].school_year");
        Import("school year garbage", r => r.SchoolYear = "läsår", "rows[1].school_year");
        Import("school year 1800", r => r.SchoolYear = "1800/01", "rows[1].school_year");
        Import("kind unspecified", r => r.Kind = SchoolCalendarPeriodKind.Unspecified, "rows[1].kind");
        Import("kind 99", r => r.Kind = (SchoolCalendarPeriodKind)99, "rows[1].kind");
        foreach (var (value, what) in BadDates())
        {
            Import($"first day {what}", r => r.FirstDay = value, "rows[1].first_day");
        }

        Import("last day empty", r => r.LastDay = string.Empty, "rows[1].last_day");
        Import("last day before first day", r => r.LastDay = $"{year}-10-01", "rows[1].last_day");
        Import("höstlov in the wrong year", r => { r.FirstDay = $"{year + 1}-10-26"; r.LastDay = $"{year + 1}-10-30"; }, "rows[1].first_day");
        Import("a lov of 200 days", r => { r.Kind = SchoolCalendarPeriodKind.Jullov; r.FirstDay = $"{year}-12-01"; r.LastDay = $"{year + 1}-06-18"; }, "rows[1].last_day");
        Import("the same row twice", r => { r.Kind = SchoolCalendarPeriodKind.Sportlov; r.SchoolYear = $"{year - 1}/{year % 100:00}"; r.FirstDay = $"{year}-03-09"; r.LastDay = $"{year}-03-13"; }, "rows[1].kind");
        Import("organisation number wrong check digit", r => r.OrganisationNumber = WrongCheckDigit, "rows[1].organisation_number");
        Import("organisation number with hyphen", r => r.OrganisationNumber = "556036-0793", "rows[1].organisation_number");

        // SchedulingService/GetSchoolCalendarRules and SetSchoolCalendarRules
        void Rules(string what, GetSchoolCalendarRulesRequest request, string? field) =>
            cases.Add(new("SchedulingService/GetSchoolCalendarRules", what, () => scheduling.GetSchoolCalendarRulesAsync(request).ResponseAsync, field));
        Rules("kommunkod empty", new GetSchoolCalendarRulesRequest(), "kommunkod");
        Rules("kommunkod unknown", new GetSchoolCalendarRulesRequest { Kommunkod = "9999" }, "kommunkod");
        Rules("kommunkod overlong", new GetSchoolCalendarRulesRequest { Kommunkod = Overlong }, "kommunkod");
        void SetRules(string what, Action<SetSchoolCalendarRulesRequest> change, string? field) =>
            cases.Add(new("SchedulingService/SetSchoolCalendarRules", what, () => scheduling.SetSchoolCalendarRulesAsync(new SetSchoolCalendarRulesRequest { Kommunkod = Kommun, Rule = new KommunLovRule { SportlovWeek = 8 } }.With(change)).ResponseAsync, field));
        SetRules("kommunkod empty", r => r.Kommunkod = string.Empty, "kommunkod");
        SetRules("kommunkod unknown", r => r.Kommunkod = "9999", "kommunkod");
        SetRules("sportlov week 0", r => r.Rule.SportlovWeek = 0, "rule.sportlov_week");
        SetRules("sportlov week 60", r => r.Rule.SportlovWeek = 60, "rule.sportlov_week");
        SetRules("påsklov rule 99", r => r.Rule.PasklovRule = (PasklovRule)99, "rule.pasklov_rule");
        SetRules("fixed påsklov without a week", r => r.Rule.PasklovRule = PasklovRule.FixedWeek, "rule.pasklov_week");
        SetRules("late Easter from 30 April", r => r.Rule.LateEasterFromAprilDay = 30, "rule.late_easter_from_april_day");
        SetRules("höstlov week int.MaxValue", r => r.Rule.HostlovWeek = int.MaxValue, "rule.hostlov_week");
        SetRules("last school day 31 June", r => r.Rule.LastSchoolDayJune = 31, "rule.last_school_day_june");
        SetRules("last school day on a Sunday", r => r.Rule.LastSchoolDayWeekday = 7, "rule.last_school_day_weekday");
        SetRules("first school day 0 August", r => r.Rule.FirstSchoolDayAugust = 0, "rule.first_school_day_august");
        SetRules("last school day 24 December", r => r.Rule.LastSchoolDayDecember = 24, "rule.last_school_day_december");
        SetRules("first school day 1 January", r => r.Rule.FirstSchoolDayJanuary = 1, "rule.first_school_day_january");

        // SchedulingService/ProposeSchedule, GetScheduleProposal, CommitSchedule
        void Propose(string what, Action<ProposeScheduleRequest> change, string field) =>
            cases.Add(new("SchedulingService/ProposeSchedule", what, () => Streams.DrainAsync(scheduling.ProposeSchedule(
                new ProposeScheduleRequest { OfficeIds = { w.OfficeId }, FromDate = $"{w.Year}-04-12", ToDate = $"{w.Year}-05-12" }.With(change))), field));
        Propose("no period", r => (r.FromDate, r.ToDate) = (string.Empty, string.Empty), "from_date");
        Propose("to before from", r => r.ToDate = $"{w.Year}-04-01", "to_date");
        Propose("a period over a year", r => r.ToDate = $"{w.Year + 1}-05-12", "to_date");
        Propose("from 30 February", r => r.FromDate = $"{w.Year}-02-30", "from_date");
        Propose("office id empty", r => r.OfficeIds[0] = string.Empty, "office_ids[0]");
        Propose("huvudman wrong check digit", r => r.HuvudmanIds.Add(WrongCheckDigit), "huvudman_ids[0]");
        Propose("mode 99", r => r.Mode = (DialogueMode)99, "mode");
        cases.Add(new("SchedulingService/ProposeSchedule", "unknown office", () => Streams.DrainAsync(scheduling.ProposeSchedule(
            new ProposeScheduleRequest { OfficeIds = { "ingetkontor" }, FromDate = $"{w.Year}-04-12", ToDate = $"{w.Year}-05-12" }))));
        cases.Add(new("SchedulingService/GetScheduleProposal", "id not a uuid", () => scheduling.GetScheduleProposalAsync(new GetScheduleProposalRequest { ProposalId = Overlong }).ResponseAsync, "proposal_id"));
        cases.Add(new("SchedulingService/GetScheduleProposal", "unknown id", () => scheduling.GetScheduleProposalAsync(new GetScheduleProposalRequest { ProposalId = Guid.NewGuid().ToString() }).ResponseAsync));
        cases.Add(new("SchedulingService/CommitSchedule", "id empty", () => scheduling.CommitScheduleAsync(new CommitScheduleRequest()).ResponseAsync, "proposal_id"));
        cases.Add(new("SchedulingService/CommitSchedule", "unknown id", () => scheduling.CommitScheduleAsync(new CommitScheduleRequest { ProposalId = Guid.NewGuid().ToString() }).ResponseAsync));

        // PlanningService/SimulateOpenOffice: would store a scenario (not live state) if accepted.
        SimulateOpenOfficeRequest Simulate() => new() { Name = "Svepby", Kommunkod = Kommun, Advisors = 2 };
        void Scenario(string what, Action<SimulateOpenOfficeRequest> change, string? field) =>
            cases.Add(new("PlanningService/SimulateOpenOffice", what, () => planning.SimulateOpenOfficeAsync(Simulate().With(change)).ResponseAsync, field));
        foreach (var (value, what) in BadNames())
        {
            Scenario($"name {what}", r => r.Name = value, "name");
        }

        Scenario("name of only punctuation", r => r.Name = "!!!", null);
        Scenario("office id upper case", r => r.OfficeId = "UMEA", "office_id");
        Scenario("office id overlong", r => r.OfficeId = Overlong, "office_id");
        Scenario("office id of an existing office", r => r.OfficeId = "lulea", null);
        cases[^1] = cases[^1] with { Reason = "OFFICE_EXISTS" };
        Scenario("kommunkod unknown", r => r.Kommunkod = "9999", "kommunkod");
        Scenario("kommunkod letters", r => r.Kommunkod = "abcd", "kommunkod");
        Scenario("neither kommunkod nor position", r => r.Kommunkod = string.Empty, "kommunkod");
        foreach (var (point, what) in BadPositions())
        {
            Scenario($"position {what}", r => { r.Kommunkod = string.Empty; r.Position = point; }, null);
        }

        Scenario("advisors negative", r => r.Advisors = -1, "advisors");
        Scenario("advisors 201", r => r.Advisors = 201, "advisors");
        Scenario("no staff at all", r => r.Advisors = 0, "advisors");
        Scenario("advisors and staff", r => r.Staff.Add(new Advisor { AdvisorId = "svepby-1", Name = "A", Fte = 1 }), "staff");
        Scenario("staff with fte NaN", r => { r.Advisors = 0; r.Staff.Add(new Advisor { AdvisorId = "svepby-1", Name = "A", Fte = double.NaN }); }, "staff[0].fte");
        Scenario("staff with an empty advisor id", r => { r.Advisors = 0; r.Staff.Add(new Advisor { Name = "A", Fte = 1 }); }, "staff[0].advisor_id");
        foreach (var (value, what) in BadDates())
        {
            Scenario($"opening date {what}", r => r.OpeningDate = value, "opening_date");
        }

        // SimulateOpenOffice with its own parameters: bad fields are named under "parameters.".
        Scenario("advisors per office negative", r => r.AdvisorsPerOffice = -1, "advisors_per_office");
        Scenario("parameters with cycle 0", r => r.Parameters = LiveParameters().With(p => p.CycleMonths = 0), "parameters.cycle_months");
        Scenario("parameters with a lunch at 25:00", r => r.Parameters = LiveParameters().With(p => p.OfficeHours.LunchStart = "25:00"), "parameters.office_hours.lunch_start");
        Scenario("parameters without office hours", r => r.Parameters = LiveParameters().With(p => p.OfficeHours = null), "parameters.office_hours");

        // PlanningService/SetPlanningParameters: the live set with one thing wrong (it would change the set if accepted).
        void Parameters(string what, Action<PlanningParameters> change, string? field, string? reason = null) =>
            cases.Add(new("PlanningService/SetPlanningParameters", what, () => planning.SetPlanningParametersAsync(LiveParameters().With(change)).ResponseAsync, field, reason));
        Parameters("no version", p => p.Version = 0, "version");
        Parameters("version negative", p => p.Version = -3, "version");
        Parameters("cycle 0", p => p.CycleMonths = 0, "cycle_months");
        Parameters("cycle 241", p => p.CycleMonths = 241, "cycle_months");
        Parameters("dialogue share 0", p => p.DialogueShare = 0, "dialogue_share");
        Parameters("dialogue share NaN", p => p.DialogueShare = double.NaN, "dialogue_share");
        Parameters("digital share 1.5", p => p.DigitalShare = 1.5, "digital_share");
        Parameters("digital share infinite", p => p.DigitalShare = double.PositiveInfinity, "digital_share");
        Parameters("advisors per dialogue 0", p => p.AdvisorsPerDialogue = 0, "advisors_per_dialogue");
        Parameters("max per day 0", p => p.MaxDialoguesPerDay = 0, "max_dialogues_per_day");
        Parameters("max per week below max per day", p => { p.MaxDialoguesPerDay = 5; p.MaxDialoguesPerWeek = 4; }, "max_dialogues_per_week");
        Parameters("lead time negative", p => p.PreparationLeadWorkingDays = -1, "preparation_lead_working_days");
        Parameters("travel speed 0", p => p.TravelSpeedKmPerHour = 0, "travel_speed_km_per_hour");
        Parameters("road factor 0.5", p => p.RoadFactor = 0.5, "road_factor");
        Parameters("start meeting NaN", p => p.StartMeetingHours = double.NaN, "start_meeting_hours");
        Parameters("start meeting group 0", p => p.StartMeetingHuvudmanPerGroup = 0, "start_meeting_huvudman_per_group");
        Parameters("preparation max below base", p => p.PreparationMaxHours = 1, "preparation_max_hours");
        Parameters("dialogue base 0", p => p.DialogueBaseHours = 0, "dialogue_base_hours");
        Parameters("follow-up negative", p => p.FollowUpHours = -1, "follow_up_hours");
        Parameters("follow-up days 251", p => p.FollowUpWorkingDaysAfter = 251, "follow_up_working_days_after");
        Parameters("spsm share -0.1", p => p.SpsmShare = -0.1, "spsm_share");
        Parameters("no office hours", p => p.OfficeHours = null, "office_hours");
        Parameters("day start not a time", p => p.OfficeHours.DayStart = "åtta", "office_hours.day_start");
        Parameters("day start overlong", p => p.OfficeHours.DayStart = Overlong, "office_hours.day_start");
        Parameters("day end before start", p => p.OfficeHours.DayEnd = "07:00", "office_hours.day_end");
        Parameters("no working days", p => p.OfficeHours.WorkingDays.Clear(), "office_hours.working_days");
        Parameters("working day 99", p => p.OfficeHours.WorkingDays.Add((Weekday)99), "office_hours.working_days");
        Parameters("lunch of 500 minutes", p => p.OfficeHours.LunchMinutes = 500, "office_hours.lunch_minutes");
        Parameters("lunch outside the day", p => p.OfficeHours.LunchStart = "18:00", "office_hours.lunch_start");
        Parameters("shortened day of unknown kind", p => p.OfficeHours.ShortenedDays.Add(new ShortenedDay { Kind = (ShortenedDayKind)77, HoursShorter = 1 }), "office_hours.shortened_days[5].kind");
        Parameters("shortened day of -2 hours", p => p.OfficeHours.ShortenedDays[0].HoursShorter = -2, "office_hours.shortened_days[0].hours_shorter");
        Parameters("shortened day named twice", p => p.OfficeHours.ShortenedDays.Add(p.OfficeHours.ShortenedDays[0].Clone()), "office_hours.shortened_days");
        Parameters("office override without an id", p => p.OfficeOverrides.Add(new OfficeParameterOverride { MaxDialoguesPerDay = 1 }), "office_overrides[0].office_id");
        Parameters("office override id upper case", p => p.OfficeOverrides.Add(new OfficeParameterOverride { OfficeId = "LULEA" }), "office_overrides[0].office_id");
        Parameters("office override negative limit", p => p.OfficeOverrides.Add(new OfficeParameterOverride { OfficeId = "lulea", MaxDialoguesPerWeek = -1 }), "office_overrides[0].max_dialogues_per_week");
        Parameters("office override named twice", p => { p.OfficeOverrides.Add(new OfficeParameterOverride { OfficeId = "lulea", MaxDialoguesPerDay = 1 }); p.OfficeOverrides.Add(new OfficeParameterOverride { OfficeId = "lulea", MaxDialoguesPerDay = 1 }); }, "office_overrides[1].office_id");
        Parameters("office override hours without a day start", p => p.OfficeOverrides.Add(new OfficeParameterOverride { OfficeId = "lulea", OfficeHours = new OfficeHoursRule { DayEnd = "16:00" } }), "office_overrides[0].office_hours.day_start");
        foreach (var (value, what) in BadOrganisationNumbers())
        {
            Parameters($"huvudman cycle for an organisation number {what}", p => p.HuvudmanCycles.Add(new HuvudmanCycle { HuvudmanId = value, CycleMonths = 12 }), "huvudman_cycles[0].huvudman_id");
        }

        Parameters("huvudman cycle 0", p => p.HuvudmanCycles.Add(new HuvudmanCycle { HuvudmanId = w.Huvudman, CycleMonths = 0 }), "huvudman_cycles[0].cycle_months");
        Parameters("acceptance rate public 0", p => p.AcceptanceRatePublic = 0, "acceptance_rate_public");
        Parameters("acceptance rate independent NaN", p => p.AcceptanceRateIndependent = double.NaN, "acceptance_rate_independent");
        Parameters("acceptance rate independent 1.5", p => p.AcceptanceRateIndependent = 1.5, "acceptance_rate_independent");
        Parameters("mandate start not a date", p => p.MandateStart = "oktober", "mandate_start");
        Parameters("mandate start empty", p => p.MandateStart = string.Empty, "mandate_start");
        Parameters("mandate start 1899", p => p.MandateStart = "1899-10-01", "mandate_start");

        // PlanningService/ProposeInvitationWave (nothing is stored even when accepted; these must still be refused).
        ProposeInvitationWaveRequest Wave() => new() { Size = 10, PeriodStart = $"{w.Year}-02-01", PeriodEnd = $"{w.Year}-05-31" };
        void ProposeWave(string what, Action<ProposeInvitationWaveRequest> change, string? field, string? reason = null) =>
            cases.Add(new("PlanningService/ProposeInvitationWave", what, () => planning.ProposeInvitationWaveAsync(Wave().With(change)).ResponseAsync, field, reason));
        ProposeWave("size 0", r => r.Size = 0, "size");
        ProposeWave("size 2001", r => r.Size = 2001, "size");
        ProposeWave("size int.MinValue", r => r.Size = int.MinValue, "size");
        ProposeWave("no period start", r => r.PeriodStart = string.Empty, "period_start");
        ProposeWave("period end before its start", r => r.PeriodEnd = $"{w.Year}-01-01", "period_end");
        ProposeWave("period of three years", r => r.PeriodEnd = $"{w.Year + 3}-01-01", "period_end");
        ProposeWave("period in the past", r => { r.PeriodStart = "2020-01-01"; r.PeriodEnd = "2020-06-01"; }, "period_end");
        foreach (var (value, what) in BadDates())
        {
            ProposeWave($"period start {what}", r => r.PeriodStart = value, null);
            ProposeWave($"period end {what}", r => r.PeriodEnd = value, null);
        }

        ProposeWave("office id upper case", r => r.OfficeIds.Add("LULEA"), "office_ids[0]");
        ProposeWave("office id twice", r => r.OfficeIds.AddRange(TwiceLulea), "office_ids");
        ProposeWave("office unknown", r => r.OfficeIds.Add("nowhere"), null, "OFFICE_NOT_FOUND");
        ProposeWave("wave id upper case", r => r.WaveId = "VT2027", "wave_id");

        // PlanningService/CommitInvitationWave: accepted, these would record invitations.
        CommitInvitationWaveRequest Invite() => new() { WaveId = $"svep-{Guid.NewGuid():N}"[..20], PeriodStart = $"{w.Year}-02-01", PeriodEnd = $"{w.Year}-05-31", HuvudmanIds = { w.Other } };
        void Invitation(string what, Action<CommitInvitationWaveRequest> change, string? field, string? reason = null) =>
            cases.Add(new("PlanningService/CommitInvitationWave", what, () => planning.CommitInvitationWaveAsync(Invite().With(change)).ResponseAsync, field, reason));
        Invitation("no wave id", r => r.WaveId = string.Empty, "wave_id");
        Invitation("wave id upper case", r => r.WaveId = "VT2027", "wave_id");
        Invitation("wave id overlong", r => r.WaveId = Overlong, "wave_id");
        Invitation("no huvudmän", r => r.HuvudmanIds.Clear(), "huvudman_ids");
        Invitation("a huvudman twice", r => r.HuvudmanIds.Add(w.Other), "huvudman_ids[1]");
        foreach (var (value, what) in BadOrganisationNumbers())
        {
            Invitation($"huvudman {what}", r => r.HuvudmanIds[0] = value, "huvudman_ids[0]");
        }

        Invitation("an unknown huvudman", r => r.HuvudmanIds.Add(NewOrganisationNumber()), null, "HUVUDMAN_NOT_FOUND");
        Invitation("a huvudman with a dialogue booked", r => r.HuvudmanIds.Add(w.Huvudman), null, "NOT_ELIGIBLE");
        Invitation("period end before its start", r => r.PeriodEnd = $"{w.Year}-01-01", "period_end");
        Invitation("no period end", r => r.PeriodEnd = string.Empty, "period_end");
        foreach (var (value, what) in BadDates())
        {
            Invitation($"period start {what}", r => r.PeriodStart = value, null);
        }

        // PlanningService/RecordInvitationAnswer: accepted, these would record an answer.
        void Answer(string what, RecordInvitationAnswerRequest request, string? field, string? reason = null) =>
            cases.Add(new("PlanningService/RecordInvitationAnswer", what, () => planning.RecordInvitationAnswerAsync(request).ResponseAsync, field, reason));
        foreach (var (value, what) in BadOrganisationNumbers())
        {
            Answer($"huvudman {what}", new RecordInvitationAnswerRequest { HuvudmanId = value, Answer = InvitationStatus.Accepted }, "huvudman_id");
        }

        Answer("answer unspecified", new RecordInvitationAnswerRequest { HuvudmanId = w.Other }, "answer");
        Answer("answer open", new RecordInvitationAnswerRequest { HuvudmanId = w.Other, Answer = InvitationStatus.Open }, "answer");
        Answer("answer 99", new RecordInvitationAnswerRequest { HuvudmanId = w.Other, Answer = (InvitationStatus)99 }, "answer");
        Answer("reason overlong", new RecordInvitationAnswerRequest { HuvudmanId = w.Other, Answer = InvitationStatus.Declined, Reason = Overlong }, "reason");
        Answer("reason with a control character", new RecordInvitationAnswerRequest { HuvudmanId = w.Other, Answer = InvitationStatus.Declined, Reason = "tid\u0000" }, "reason");
        Answer("wave id upper case", new RecordInvitationAnswerRequest { HuvudmanId = w.Other, Answer = InvitationStatus.Accepted, WaveId = "VT" }, "wave_id");
        Answer("an unknown huvudman", new RecordInvitationAnswerRequest { HuvudmanId = NewOrganisationNumber(), Answer = InvitationStatus.Accepted }, null, "HUVUDMAN_NOT_FOUND");
        Answer("a huvudman never invited", new RecordInvitationAnswerRequest { HuvudmanId = w.Other, Answer = InvitationStatus.Accepted }, null, "NOT_INVITED");

        // PlanningService/FindIntroductionSlot, BookIntroductionMeeting, ListIntroductionMeetings: accepted, a booking would
        // write an office's calendar; an unknown wave or group is NOT_FOUND.
        FindIntroductionSlotRequest IntroductionFind() => new() { WaveId = "svep-okand", GroupId = "lulea-01" };
        void FindIntroduction(string what, Action<FindIntroductionSlotRequest> change, string? field, string? reason = null) =>
            cases.Add(new("PlanningService/FindIntroductionSlot", what, () => planning.FindIntroductionSlotAsync(IntroductionFind().With(change)).ResponseAsync, field, reason));
        FindIntroduction("no wave id", r => r.WaveId = string.Empty, "wave_id");
        FindIntroduction("group id upper case", r => r.GroupId = "LULEA-01", "group_id");
        FindIntroduction("earliest not a date", r => r.EarliestDate = "2027-02-30", "earliest_date");
        FindIntroduction("horizon negative", r => r.HorizonDays = -1, "horizon_days");
        FindIntroduction("horizon 731", r => r.HorizonDays = 731, "horizon_days");
        FindIntroduction("an unknown wave", _ => { }, null, "WAVE_NOT_FOUND");

        BookIntroductionMeetingRequest IntroductionBook() => new() { RequestId = $"svep-{Guid.NewGuid():N}", WaveId = "svep-okand", GroupId = "lulea-01" };
        void BookIntroduction(string what, Action<BookIntroductionMeetingRequest> change, string? field, string? reason = null) =>
            cases.Add(new("PlanningService/BookIntroductionMeeting", what, () => planning.BookIntroductionMeetingAsync(IntroductionBook().With(change)).ResponseAsync, field, reason));
        BookIntroduction("request id short", r => r.RequestId = "kort", "request_id");
        BookIntroduction("request id with a control character", r => r.RequestId = "svep-\u0001-12345", "request_id");
        BookIntroduction("wave id upper case", r => r.WaveId = "VT2027", "wave_id");
        BookIntroduction("no group id", r => r.GroupId = string.Empty, "group_id");
        BookIntroduction("a start without a date", r => r.LocalStart = "09:00", "date");
        BookIntroduction("a date without a start", r => { r.Date = $"{w.Year}-03-08"; r.AdvisorIds.Add("a"); }, "local_start");
        BookIntroduction("start 25:00", r => { r.Date = $"{w.Year}-03-08"; r.LocalStart = "25:00"; r.AdvisorIds.Add("a"); }, "local_start");
        BookIntroduction("an advisor twice", r => { r.Date = $"{w.Year}-03-08"; r.LocalStart = "09:00"; r.AdvisorIds.Add("a"); r.AdvisorIds.Add("a"); }, "advisor_ids");
        BookIntroduction("date not a date", r => { r.Date = "8 mars"; r.LocalStart = "09:00"; r.AdvisorIds.Add("a"); }, "date");
        BookIntroduction("horizon 731", r => r.HorizonDays = 731, "horizon_days");
        BookIntroduction("an unknown wave", _ => { }, null, "WAVE_NOT_FOUND");
        cases.Add(new("PlanningService/ListIntroductionMeetings", "no wave id", () => planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest()).ResponseAsync, "wave_id"));
        cases.Add(new("PlanningService/CancelIntroductionMeeting", "no meeting id", () => planning.CancelIntroductionMeetingAsync(new CancelIntroductionMeetingRequest()).ResponseAsync, "meeting_id"));
        cases.Add(new("PlanningService/CancelIntroductionMeeting", "meeting id not office.hex", () => planning.CancelIntroductionMeetingAsync(new CancelIntroductionMeetingRequest { MeetingId = "lulea.XYZ" }).ResponseAsync, "meeting_id"));
        cases.Add(new("PlanningService/CancelIntroductionMeeting", "an unknown meeting", () => planning.CancelIntroductionMeetingAsync(new CancelIntroductionMeetingRequest { MeetingId = $"lulea.{new string('0', 20)}" }).ResponseAsync, null, "INTRODUCTION_MEETING_NOT_FOUND"));
        cases.Add(new("PlanningService/ListIntroductionMeetings", "an unknown wave", () => planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = "svep-okand" }).ResponseAsync, null, "WAVE_NOT_FOUND"));

        // PlanningService/RankOfficeSites
        void Rank(string what, RankOfficeSitesRequest request, string field) =>
            cases.Add(new("PlanningService/RankOfficeSites", what, () => Streams.DrainAsync(planning.RankOfficeSites(request)), field));
        Rank("k negative", new RankOfficeSitesRequest { K = -1 }, "k");
        Rank("k 51", new RankOfficeSitesRequest { K = 51 }, "k");
        Rank("k int.MaxValue", new RankOfficeSitesRequest { K = int.MaxValue }, "k");
        Rank("advisors negative", new RankOfficeSitesRequest { Advisors = -1 }, "advisors");
        Rank("advisors 201", new RankOfficeSitesRequest { Advisors = 201 }, "advisors");
        Rank("sites negative", new RankOfficeSitesRequest { Sites = -1 }, "sites");
        Rank("sites 7", new RankOfficeSitesRequest { Sites = 7 }, "sites");
        Rank("max lärosäte km negative", new RankOfficeSitesRequest { Rules = new SitingRules { MaxLarosateKm = -1 } }, "rules.max_larosate_km");
        Rank("max lärosäte km NaN", new RankOfficeSitesRequest { Rules = new SitingRules { MaxLarosateKm = double.NaN } }, "rules.max_larosate_km");
        Rank("min office distance infinite", new RankOfficeSitesRequest { Rules = new SitingRules { MinOfficeDistanceKm = double.PositiveInfinity } }, "rules.min_office_distance_km");
        Rank("min office distance 2001", new RankOfficeSitesRequest { Rules = new SitingRules { MinOfficeDistanceKm = 2001 } }, "rules.min_office_distance_km");
        Rank("excluded unknown kommun", new RankOfficeSitesRequest { Rules = new SitingRules { ExcludedKommunkoder = { "0180", "9999" } } }, "rules.excluded_kommunkoder[1]");
        Rank("insisted not four digits", new RankOfficeSitesRequest { Rules = new SitingRules { InsistedKommunkoder = { "umea" } } }, "rules.insisted_kommunkoder[0]");
        Rank("spsm site unknown", new RankOfficeSitesRequest { Rules = new SitingRules { SpsmKommunkoder = { "" } } }, "rules.spsm_kommunkoder[0]");
        Rank("excluded and insisted", new RankOfficeSitesRequest { Rules = new SitingRules { ExcludedKommunkoder = { "2480" }, InsistedKommunkoder = { "2480" } } }, "rules.insisted_kommunkoder");

        // PlanningService/CommitScenario
        void Commit(string what, string id, string? field) =>
            cases.Add(new("PlanningService/CommitScenario", what, () => planning.CommitScenarioAsync(new CommitScenarioRequest { ScenarioId = id }).ResponseAsync, field));
        Commit("empty", string.Empty, "scenario_id");
        Commit("not a guid", "umea", "scenario_id");
        Commit("overlong", Overlong, "scenario_id");
        Commit("unknown", Guid.NewGuid().ToString(), null);
        cases[^1] = cases[^1] with { Reason = "SCENARIO_NOT_FOUND" };
        Commit("the empty guid", Guid.Empty.ToString(), null);

        // ForecastService/GetCapacityForecast (few paths where the rest is right, so the cases stay quick)
        GetCapacityForecastRequest Forecast() => new() { Paths = 200, HorizonMonths = 12 };
        void Capacity(string what, Action<GetCapacityForecastRequest> change, string? field) =>
            cases.Add(new("ForecastService/GetCapacityForecast", what, () => forecast.GetCapacityForecastAsync(Forecast().With(change)).ResponseAsync, field));
        Capacity("office id empty", r => r.OfficeIds.Add(string.Empty), "office_ids");
        Capacity("office id overlong", r => r.OfficeIds.Add(Overlong), "office_ids");
        Capacity("office id twice", r => r.OfficeIds.AddRange(TwiceLulea), "office_ids");
        Capacity("101 office ids", r => r.OfficeIds.AddRange(Enumerable.Range(0, 101).Select(i => $"office-{i}")), "office_ids");
        Capacity("office id upper case", r => r.OfficeIds.Add("LULEA"), "office_ids");
        Capacity("office unknown", r => r.OfficeIds.Add("nowhere"), null);
        cases[^1] = cases[^1] with { Reason = "OFFICE_NOT_FOUND" };
        Capacity("horizon negative", r => r.HorizonMonths = -1, "horizon_months");
        Capacity("horizon 61 months", r => r.HorizonMonths = 61, "horizon_months");
        Capacity("paths negative", r => r.Paths = -1, "paths");
        Capacity("paths 100001", r => r.Paths = 100_001, "paths");
        Capacity("paths int.MinValue", r => r.Paths = int.MinValue, "paths");
        foreach (var value in new[] { -0.1, 1.5, double.NaN, double.NegativeInfinity })
        {
            Capacity($"cancellation rate {value}", r => r.Parameters = new ForecastParameters { CancellationRate = value }, null);
            Capacity($"rescheduled share {value}", r => r.Parameters = new ForecastParameters { RescheduledShare = value }, null);
            Capacity($"sickness mean {value}", r => r.Parameters = new ForecastParameters { SicknessMean = value }, null);
            Capacity($"parental leave rate {value}", r => r.Parameters = new ForecastParameters { ParentalLeaveRate = value }, null);
            Capacity($"vacancy rate {value}", r => r.Parameters = new ForecastParameters { VacancyRate = value }, null);
        }

        foreach (var value in new[] { -1, double.NaN, double.PositiveInfinity })
        {
            Capacity($"duration cv {value}", r => r.Parameters = new ForecastParameters { DurationCv = value }, null);
            Capacity($"sickness sd {value}", r => r.Parameters = new ForecastParameters { SicknessSd = value }, null);
            Capacity($"hiring delay {value}", r => r.Parameters = new ForecastParameters { HiringDelayMeanMonths = value }, null);
        }

        // ForecastService/WatchCapacityForecast: the error comes with the first message.
        void Watch(string what, Action<WatchCapacityForecastRequest> change, string? field) =>
            cases.Add(new("ForecastService/WatchCapacityForecast", what, () => Streams.FirstAsync(forecast.WatchCapacityForecast(new WatchCapacityForecastRequest().With(change))), field));
        Watch("office id empty", r => r.OfficeIds.Add(string.Empty), "office_ids");
        Watch("office id overlong", r => r.OfficeIds.Add(Overlong), "office_ids");
        Watch("office id twice", r => r.OfficeIds.AddRange(TwiceLulea), "office_ids");
        Watch("office unknown", r => r.OfficeIds.Add("nowhere"), null);

        // Every method, raw bytes: a body that is not protobuf, and a string field that is not UTF-8 (a lone surrogate).
        var invoker = api.Channel.CreateCallInvoker();
        foreach (var method in RawBodies.AllMethods())
        {
            var name = $"{method.Service.Name}/{method.Name}";
            foreach (var (body, what) in RawBodies.NotProtobuf())
            {
                cases.Add(new(name, $"raw bytes: {what}", () => RawBodies.CallAsync(invoker, method, body), Reason: "MALFORMED_REQUEST"));
            }

            if (RawBodies.LoneSurrogate(method.InputType) is { } surrogate)
            {
                cases.Add(new(name, $"raw bytes: a lone surrogate in {surrogate.Field}", () => RawBodies.CallAsync(invoker, method, surrogate.Body), surrogate.Field, "INVALID_UTF8"));
            }
        }

        return cases;
    }

    /// <summary>The slot with only what the caller chooses (the server derives the rest), to move it to another time.</summary>
    private static Slot ChoiceOnly(Slot slot)
    {
        slot.LocalEnd = string.Empty;
        slot.Start = null;
        slot.End = null;
        slot.DialogueHours = 0;
        slot.PreparationHours = 0;
        slot.TravelHoursOneWay = 0;
        slot.PreparationDeadline = string.Empty;
        return slot;
    }

    /// <summary>Första maj, nationaldagen, julafton, juldagen or annandag jul: whichever first falls on a weekday that year.</summary>
    private static DateOnly WeekdayHoliday(int year) =>
        new[] { new DateOnly(year, 5, 1), new DateOnly(year, 6, 6), new DateOnly(year, 12, 24), new DateOnly(year, 12, 25), new DateOnly(year, 12, 26) }
            .First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    private static DateOnly NextSunday(int year)
    {
        var date = new DateOnly(year, 5, 1);
        while (date.DayOfWeek != DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
