using Planering.Domain.Errors;
using ErrorCode = Planering.Domain.Errors.ErrorCode;
using Planering.Domain.Registry;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Registry;

namespace Planering.Grains.Tests;

[Collection(SharedCluster.Name)]
public sealed class RegistryGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task An_upserted_huvudman_is_read_back_as_stored()
    {
        var number = TestKeys.OrganisationNumber();
        var grain = Grains.GetGrain<IHuvudmanGrain>(number);

        var stored = await grain.UpsertAsync(new HuvudmanUpsert("Friskolan Test AB", HuvudmanType.Independent, "1280", null, 420, false));

        Assert.Equal(stored, await grain.GetAsync());
        Assert.Equal("12", stored.Lanskod);
        Assert.Equal(55.6053, stored.Position.Latitude, 4);
        Assert.Equal(fixture.Time.GetUtcNow(), stored.UpdatedAt);
    }

    [Fact]
    public async Task State_survives_deactivation_because_it_is_in_SQLite()
    {
        var number = TestKeys.OrganisationNumber();
        var stored = await Grains.GetGrain<IHuvudmanGrain>(number)
            .UpsertAsync(new HuvudmanUpsert("Persistent AB", HuvudmanType.Independent, "0380", new GeoPoint(59.86, 17.64), 77, true));

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(stored, await Grains.GetGrain<IHuvudmanGrain>(number).GetAsync());
    }

    [Fact]
    public async Task A_rejected_upsert_crosses_the_grain_boundary_with_its_fields_and_stores_nothing()
    {
        var number = TestKeys.OrganisationNumber();
        var grain = Grains.GetGrain<IHuvudmanGrain>(number);

        var error = await Assert.ThrowsAsync<PlaneringException>(() =>
            grain.UpsertAsync(new HuvudmanUpsert("", HuvudmanType.Municipal, "0000", new GeoPoint(40, 18), 10, false)));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal(["name", "kommunkod", "position.latitude"], error.Violations.Select(v => v.Field));
        var missing = await Assert.ThrowsAsync<PlaneringException>(grain.GetAsync);
        Assert.Equal(ErrorCode.NotFound, missing.Code);
    }

    [Fact]
    public async Task A_key_that_is_not_an_organisation_number_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<PlaneringException>(() => Grains.GetGrain<IHuvudmanGrain>("1234567890").GetAsync());
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal("organisation_number", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task Listings_page_through_a_kommun_in_organisation_number_order_and_filter_by_type()
    {
        const string kommun = "2321"; // Åre: used by this test only
        var numbers = Enumerable.Range(0, 5).Select(_ => TestKeys.OrganisationNumber()).ToList();
        for (var i = 0; i < numbers.Count; i++)
        {
            var type = i == 0 ? HuvudmanType.Municipal : HuvudmanType.Independent;
            await Grains.GetGrain<IHuvudmanGrain>(numbers[i]).UpsertAsync(new HuvudmanUpsert($"H{i}", type, kommun, null, 100, false));
        }

        var query = Grains.GetGrain<IHuvudmanQueryGrain>(0);
        var filter = new HuvudmanFilter(null, kommun, null, null);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await query.ListAsync(filter, 2, token);
            Assert.Equal(5, page.TotalSize);
            seen.AddRange(page.Items.Select(i => i.Huvudman.OrganisationNumber));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), seen);

        var municipal = await query.ListAsync(filter with { Type = HuvudmanType.Municipal }, 10, null);
        Assert.Equal(numbers[0], Assert.Single(municipal.Items).Huvudman.OrganisationNumber);

        var inLan = await query.ListAsync(new HuvudmanFilter("23", null, null, HuvudmanType.Independent), 1000, null);
        Assert.Superset(numbers.Skip(1).ToHashSet(), inLan.Items.Select(i => i.Huvudman.OrganisationNumber).ToHashSet());
    }

    [Fact]
    public async Task A_huvudman_that_moves_kommun_moves_between_index_shards_and_keeps_its_office()
    {
        // An office with staff, so the huvudman gets one (the nearest of whatever offices other tests made).
        var officeId = TestKeys.OfficeId("orebro");
        await Grains.GetGrain<IRegionalOfficeGrain>(officeId).UpsertAsync(new OfficeUpsert("Örebro", "1880", null, null));
        await Grains.GetGrain<IRegionalOfficeGrain>(officeId).SetStaffingAsync([new AdvisorRecord($"{officeId}-1", "A", 1.0, [DayOfWeek.Monday], [])]);
        var number = TestKeys.OrganisationNumber();
        var grain = Grains.GetGrain<IHuvudmanGrain>(number);
        var before = await grain.UpsertAsync(new HuvudmanUpsert("Flyttar AB", HuvudmanType.Independent, "1880", null, 50, false));
        var office = await Grains.OfficeOfAsync(before);
        Assert.NotNull(office);

        var after = await grain.UpsertAsync(new HuvudmanUpsert("Flyttar AB", HuvudmanType.Independent, "1881", null, 50, false));

        var query = Grains.GetGrain<IHuvudmanQueryGrain>(0);
        Assert.DoesNotContain((await query.ListAsync(new HuvudmanFilter(null, "1880", null, null), 1000, null)).Items, i => i.Huvudman.OrganisationNumber == number);
        var moved = Assert.Single((await query.ListAsync(new HuvudmanFilter(null, "1881", null, null), 1000, null)).Items, i => i.Huvudman.OrganisationNumber == number);
        Assert.Equal(office, moved.OfficeId);
        Assert.Equal(office, await Grains.OfficeOfAsync(after));
        Assert.Null(await Grains.GetGrain<IHuvudmanIndexGrain>("1880").OfficeOfAsync(number));
    }

    [Fact]
    public async Task A_move_that_fails_half_way_is_finished_by_the_next_call_and_never_leaves_the_huvudman_listed_twice()
    {
        var officeId = TestKeys.OfficeId("karlstad");
        await Grains.GetGrain<IRegionalOfficeGrain>(officeId).UpsertAsync(new OfficeUpsert("Karlstad", "1780", null, null));
        await Grains.GetGrain<IRegionalOfficeGrain>(officeId).SetStaffingAsync([new AdvisorRecord($"{officeId}-1", "A", 1.0, [DayOfWeek.Monday], [])]);
        var number = TestKeys.OrganisationNumber();
        var grain = Grains.GetGrain<IHuvudmanGrain>(number);
        await grain.UpsertAsync(new HuvudmanUpsert("Flyttar igen AB", HuvudmanType.Independent, "1780", null, 50, false));
        var query = Grains.GetGrain<IHuvudmanQueryGrain>(0);
        async Task<bool> ListedIn(string kommunkod) =>
            (await query.ListAsync(new HuvudmanFilter(null, kommunkod, null, null), 1000, null)).Items.Any(i => i.Huvudman.OrganisationNumber == number);

        // The old kommun's shard cannot store the removal: the move to Kil fails after the huvudman is listed there.
        FaultInjectingStorage.FailWrite(Grains.GetGrain<IHuvudmanIndexGrain>("1780").GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.UpsertAsync(new HuvudmanUpsert("Flyttar igen AB", HuvudmanType.Independent, "1715", null, 50, false)));
        Assert.True(await ListedIn("1780"));
        Assert.True(await ListedIn("1715"));

        // Any next call on the huvudman finishes the move first.
        var after = await grain.UpsertAsync(new HuvudmanUpsert("Flyttar igen AB", HuvudmanType.Independent, "1715", null, 50, false));
        Assert.False(await ListedIn("1780"));
        Assert.True(await ListedIn("1715"));
        Assert.NotNull(await Grains.OfficeOfAsync(after));
    }

    [Fact]
    public async Task Listing_arguments_are_checked()
    {
        var query = Grains.GetGrain<IHuvudmanQueryGrain>(0);
        var bad = await Assert.ThrowsAsync<PlaneringException>(() => query.ListAsync(new HuvudmanFilter("99", "12", null, null), 0, null));
        Assert.Equal(["lanskod", "kommunkod", "page_size"], bad.Violations.Select(v => v.Field));

        var unknownOffice = await Assert.ThrowsAsync<PlaneringException>(() => query.ListAsync(new HuvudmanFilter(null, null, "no-such-office", null), 10, null));
        Assert.Equal(ErrorCode.NotFound, unknownOffice.Code);
    }

    [Fact]
    public async Task A_new_huvudman_is_assigned_to_the_nearest_office_and_listed_under_it()
    {
        // An office at Kiruna's seat: nothing is nearer to a Kiruna huvudman. Two advisors: a dialogue takes a pair, and
        // an office that cannot hold one is not assigned huvudmän.
        var officeId = TestKeys.OfficeId("kiruna");
        await Grains.GetGrain<IRegionalOfficeGrain>(officeId).UpsertAsync(new OfficeUpsert("Kiruna", "2584", null, null));
        await Grains.GetGrain<IRegionalOfficeGrain>(officeId).SetStaffingAsync([
            new AdvisorRecord($"{officeId}-1", "A", 1.0, [DayOfWeek.Monday, DayOfWeek.Tuesday], []),
            new AdvisorRecord($"{officeId}-2", "B", 1.0, [DayOfWeek.Monday, DayOfWeek.Tuesday], []),
        ]);
        var number = TestKeys.OrganisationNumber();
        var huvudman = await Grains.GetGrain<IHuvudmanGrain>(number).UpsertAsync(new HuvudmanUpsert("Malmfälten AB", HuvudmanType.Independent, "2584", null, 10, false));

        Assert.Equal(officeId, await Grains.OfficeOfAsync(huvudman));
        var listed = await Grains.GetGrain<IHuvudmanQueryGrain>(0).ListAsync(new HuvudmanFilter(null, null, officeId, null), 100, null);
        Assert.Equal(number, Assert.Single(listed.Items).Huvudman.OrganisationNumber);
        Assert.Equal(officeId, listed.Items[0].OfficeId);
    }

    [Fact]
    public async Task Staffing_is_replaced_whole_and_a_rejected_staffing_changes_nothing()
    {
        var officeId = TestKeys.OfficeId("vaxjo");
        var office = Grains.GetGrain<IRegionalOfficeGrain>(officeId);
        await office.UpsertAsync(new OfficeUpsert("Växjö", "0780", null, new DateOnly(2027, 1, 1)));
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var staffed = await office.SetStaffingAsync([
            new AdvisorRecord("vaxjo-1", "Anna", 1.0, weekdays, []),
            new AdvisorRecord("vaxjo-2", "Bo", 0.5, weekdays[..3], [new AbsenceRecord(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5), "utbildning")]),
        ]);
        Assert.Equal(1.5, staffed.TotalFte, 9);

        var error = await Assert.ThrowsAsync<PlaneringException>(() => office.SetStaffingAsync([new AdvisorRecord("vaxjo-1", "Anna", -1, weekdays, [])]));
        Assert.Equal("advisors[0].fte", Assert.Single(error.Violations).Field);

        Same.Value(staffed, await office.GetAsync());
        var listed = await Grains.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).ListAsync();
        Same.Value(staffed, Assert.Single(listed, o => o.OfficeId == officeId));
    }

    [Fact]
    public async Task Staffing_an_unknown_office_is_not_found_and_creates_nothing()
    {
        var office = Grains.GetGrain<IRegionalOfficeGrain>(TestKeys.OfficeId("ghost"));
        var error = await Assert.ThrowsAsync<PlaneringException>(() => office.SetStaffingAsync([]));
        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<PlaneringException>(office.GetAsync)).Code);
    }
}
