using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;
using ErrorCode = Planering.Domain.Errors.ErrorCode;

namespace Planering.Grains.Tests;

[Collection(SharedCluster.Name)]
public sealed class TripGrainTests(ClusterFixture fixture)
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private IGrainFactory Grains => fixture.Grains;

    /// <summary>A fresh office in Luleå with two advisors and two fresh huvudmän in Kiruna, a night away from it.</summary>
    private async Task<(string OfficeId, string First, string Second)> ArrangeAsync(int? nightsLimit = null)
    {
        var officeId = TestKeys.OfficeId("trip");
        var office = Grains.GetGrain<IRegionalOfficeGrain>(officeId);
        await office.UpsertAsync(new OfficeUpsert("Luleå", "2580", null, null, nightsLimit));
        await office.SetStaffingAsync([
            new AdvisorRecord($"{officeId}-a", "A", 1.0, Weekdays, []),
            new AdvisorRecord($"{officeId}-b", "B", 1.0, Weekdays, []),
        ]);
        var first = TestKeys.OrganisationNumber();
        var second = TestKeys.OrganisationNumber();
        await Grains.GetGrain<IHuvudmanGrain>(first).UpsertAsync(new HuvudmanUpsert("Kirunaskolan AB", HuvudmanType.Independent, "2584", null, 500, false));
        await Grains.GetGrain<IHuvudmanGrain>(second).UpsertAsync(new HuvudmanUpsert("Malmfältens skola AB", HuvudmanType.Independent, "2584", null, 500, false));
        return (officeId, first, second);
    }

    private static FindSlotRequest OnSite(string officeId, int horizon = 365) => new(new DateOnly(2027, 5, 11), [DialogueMode.OnSite], officeId, horizon, false);

    private static SlotChoice Choice(SlotRecord slot) => new(slot.OfficeId, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, false);

    [Fact]
    public async Task A_trip_with_a_night_away_is_booked_stored_and_keeps_its_advisors_from_a_second_trip_on_the_same_days()
    {
        var (officeId, first, second) = await ArrangeAsync();
        var found = await Grains.GetGrain<IHuvudmanGrain>(first).FindNextSlotAsync(OnSite(officeId));
        var trip = found.Slot.Trip!;
        Assert.Equal((new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 11)), (trip.OutDate, trip.BackDate));

        var booked = await Grains.GetGrain<IBookingRequestGrain>($"req-{Guid.NewGuid():N}").BookAsync(first, Choice(found.Slot));
        Assert.Equal(trip, booked.Slot.Trip);

        // The stored dialogue keeps its trip, and the trip keeps both advisors away on the Monday and Tuesday.
        var listed = await Grains.GetGrain<IRegionalOfficeGrain>(officeId).ListDialoguesAsync(new DialogueFilter(null, null, false), 10, null);
        Assert.Equal(trip, Assert.Single(listed.Items).Slot.Trip);
        var next = await Grains.GetGrain<IHuvudmanGrain>(second).FindNextSlotAsync(OnSite(officeId));
        Assert.True(next.Slot.Trip!.OutDate >= trip.BackDate);
        var clash = await Assert.ThrowsAsync<PlaneringException>(() =>
            Grains.GetGrain<IBookingRequestGrain>($"req-{Guid.NewGuid():N}").BookAsync(second, Choice(found.Slot)));
        Assert.Equal(ErrorCode.Conflict, clash.Code);
    }

    [Fact]
    public async Task An_office_s_own_nights_limit_is_kept_and_a_limit_out_of_range_is_refused_naming_the_field()
    {
        var (officeId, first, _) = await ArrangeAsync(nightsLimit: 0);
        var office = Grains.GetGrain<IRegionalOfficeGrain>(officeId);

        // An upsert without a limit keeps the office's own.
        await office.UpsertAsync(new OfficeUpsert("Luleå", "2580", null, null));
        Assert.Equal(0, (await office.GetAsync()).MaxNightsAwayPerAdvisorMonth);
        var none = await Assert.ThrowsAsync<PlaneringException>(() => Grains.GetGrain<IHuvudmanGrain>(first).FindNextSlotAsync(OnSite(officeId, 20)));
        Assert.Contains("NIGHTS_LIMIT", none.Message, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<PlaneringException>(() => office.UpsertAsync(new OfficeUpsert("Luleå", "2580", null, null, 32)));
        Assert.Equal("max_nights_away_per_advisor_month", Assert.Single(error.Violations).Field);
        Assert.Equal(0, (await office.GetAsync()).MaxNightsAwayPerAdvisorMonth);
    }
}
