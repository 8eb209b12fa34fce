using System.Collections.Frozen;
using System.Globalization;
using Planering.Domain.Calendar;

namespace Planering.Domain.Tests.Calendar;

public sealed class OfficeWorkingTimeTests
{
    private static readonly OfficeWorkingTime Office = OfficeWorkingTime.Default;

    [Theory]
    [InlineData("2026-03-27", "2026-03-27T07:00:00Z", "2026-03-27T16:00:00Z")] // Friday, CET
    [InlineData("2026-03-30", "2026-03-30T06:00:00Z", "2026-03-30T15:00:00Z")] // Monday, CEST
    [InlineData("2026-10-23", "2026-10-23T06:00:00Z", "2026-10-23T15:00:00Z")] // Friday, CEST
    [InlineData("2026-10-26", "2026-10-26T07:00:00Z", "2026-10-26T16:00:00Z")] // Monday, CET
    public void A_working_day_is_08_to_17_local_on_both_sides_of_a_clock_change(string date, string startUtc, string endUtc)
    {
        var hours = Office.WorkingHoursOn(Day(date));

        Assert.NotNull(hours);
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(17, 0)), (hours.LocalStart, hours.LocalEnd));
        Assert.Equal((Utc(startUtc), Utc(endUtc)), (hours.StartUtc, hours.EndUtc));
        Assert.Equal(TimeSpan.FromHours(9), hours.Duration);
    }

    [Fact]
    public void A_nine_o_clock_slot_on_the_Monday_after_each_clock_change_fits_the_working_day()
    {
        var spring = StockholmTime.ToUtc(Day("2026-03-30"), new TimeOnly(9, 0));
        var autumn = StockholmTime.ToUtc(Day("2026-10-26"), new TimeOnly(9, 0));

        Assert.Equal(Utc("2026-03-30T07:00:00Z"), spring);
        Assert.Equal(Utc("2026-10-26T08:00:00Z"), autumn);
        Assert.True(Office.IsWithinWorkingHours(spring, TimeSpan.FromHours(3)));
        Assert.True(Office.IsWithinWorkingHours(autumn, TimeSpan.FromHours(3)));
    }

    [Theory]
    [InlineData("2026-03-30T06:00:00Z", 9 * 60, true)]   // 08:00–17:00 CEST exactly
    [InlineData("2026-03-30T05:45:00Z", 60, false)]      // starts 07:45
    [InlineData("2026-03-30T13:00:00Z", 120, true)]      // 15:00–17:00
    [InlineData("2026-03-30T13:00:00Z", 135, false)]     // ends 17:15
    [InlineData("2026-03-27T06:30:00Z", 60, false)]      // 07:30 CET on the Friday before: too early
    [InlineData("2026-03-27T07:00:00Z", 60, true)]       // 08:00 CET
    [InlineData("2026-04-06T08:00:00Z", 60, false)]      // annandag påsk
    [InlineData("2026-03-28T08:00:00Z", 60, false)]      // Saturday
    [InlineData("2026-03-30T08:00:00Z", -30, false)]     // a negative duration is no slot
    public void Slots_are_inside_working_hours_only_when_they_start_and_end_within_one_working_day(string startUtc, int minutes, bool expected) =>
        Assert.Equal(expected, Office.IsWithinWorkingHours(Utc(startUtc), TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData("2026-04-07", true)]
    [InlineData("2026-04-03", false)] // långfredagen
    [InlineData("2026-04-06", false)] // annandag påsk
    [InlineData("2026-05-14", false)] // Kristi himmelsfärdsdag
    [InlineData("2026-06-19", false)] // midsommarafton (de facto)
    [InlineData("2026-12-24", false)] // julafton (de facto)
    [InlineData("2026-03-29", false)] // the Sunday the clocks change
    [InlineData("2026-10-24", false)] // Saturday
    public void Working_days_are_weekdays_that_are_no_holiday(string date, bool expected)
    {
        Assert.Equal(expected, Office.IsWorkingDay(Day(date)));
        Assert.Equal(expected, Office.WorkingHoursOn(Day(date)) is not null);
    }

    [Theory]
    [InlineData("2026-04-02", 1, "2026-04-07")]   // over långfredagen, the weekend and annandag påsk
    [InlineData("2026-04-07", -1, "2026-04-02")]
    [InlineData("2026-12-14", 10, "2026-12-30")]  // julafton and juldagen are skipped
    [InlineData("2026-03-28", 0, "2026-03-28")]   // zero leaves even a Saturday unchanged
    [InlineData("2026-03-28", 1, "2026-03-30")]
    public void Adding_working_days_skips_weekends_and_holidays(string from, int days, string expected) =>
        Assert.Equal(Day(expected), Office.AddWorkingDays(Day(from), days));

    [Theory]
    [InlineData("2026-06-19", "2026-06-22")]
    [InlineData("2026-06-20", "2026-06-22")]
    [InlineData("2026-06-23", "2026-06-23")]
    public void The_first_working_day_on_or_after_a_date(string from, string expected) =>
        Assert.Equal(Day(expected), Office.FirstWorkingDayOnOrAfter(Day(from)));

    [Fact]
    public void The_year_2026_has_251_working_days_of_eight_hours_less_the_shortened_days()
    {
        // 261 weekdays; ten holidays fall on one: 1 and 6 Jan, 3 and 6 Apr, 1 and 14 May, 19 Jun, 24, 25 and 31 Dec.
        // 08:00–17:00 less an hour's lunch is 8 h. Shortened: Mon 5 Jan −4, skärtorsdag Thu 2 Apr −2, valborgsmässoafton
        // Thu 30 Apr −2, Fri 30 Oct (before alla helgons dag) −4, Wed 23 Dec −4: 16 h in all.
        Assert.Equal(251, Office.CountWorkingDays(Day("2026-01-01"), Day("2027-01-01")));
        Assert.Equal((251 * 8.0) - 16, Office.WorkingHoursBetween(Day("2026-01-01"), Day("2027-01-01")));
        Assert.Equal(0, Office.CountWorkingDays(Day("2026-01-10"), Day("2026-01-01")));
    }

    [Fact]
    public void Working_days_and_hours_are_configurable()
    {
        var shortWeek = new OfficeWorkingTime(hours: OfficeHours.Default with
        {
            WorkingDays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }.ToFrozenSet(),
            DayStart = new TimeOnly(7, 30),
            DayEnd = new TimeOnly(16, 0),
        });

        Assert.False(shortWeek.IsWorkingDay(Day("2026-03-27")));
        var monday = shortWeek.WorkingHoursOn(Day("2026-03-30"));
        Assert.NotNull(monday);
        Assert.Equal((Utc("2026-03-30T05:30:00Z"), Utc("2026-03-30T14:00:00Z")), (monday.StartUtc, monday.EndUtc));
        Assert.Equal(7.5, shortWeek.WorkingHoursBetween(Day("2026-03-30"), Day("2026-03-31"))); // 8.5 h less lunch
    }

    [Theory]
    [InlineData("2027-01-05", "13:00", 4.0)] // trettondagsafton, a Tuesday: −4 h: 08–12, lunch no longer in the day
    [InlineData("2027-03-25", "15:00", 6.0)] // skärtorsdag (Easter 28 March): −2 h
    [InlineData("2027-04-30", "12:00", 4.0)] // valborgsmässoafton on a Friday: −4 h
    [InlineData("2026-04-30", "15:00", 6.0)] // valborgsmässoafton on a Thursday: −2 h
    [InlineData("2027-11-05", "12:00", 4.0)] // the Friday before alla helgons dag (Saturday 6 November): −4 h
    [InlineData("2027-12-23", "12:00", 4.0)] // 23 December: half a day
    [InlineData("2027-12-22", "17:00", 8.0)] // an ordinary day
    public void Shortened_days_close_the_office_early(string date, string closes, double hours)
    {
        var day = Day(date);
        var expectedEnd = hours == 4.0 ? new TimeOnly(12, 0) : TimeOnly.ParseExact(closes, "HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(expectedEnd, Office.DayEndOn(day));
        Assert.Equal(hours, Office.WorkingHoursOf(day));
        Assert.Equal(StockholmTime.ToUtc(day, expectedEnd), Office.WorkingHoursOn(day)!.EndUtc);
    }

    [Fact]
    public void Shortened_days_can_be_changed_or_turned_off()
    {
        var off = new OfficeWorkingTime(hours: OfficeHours.Default with { ShortenedDays = [] });
        var mild = new OfficeWorkingTime(hours: OfficeHours.Default with { ShortenedDays = [new ShortenedDayRule(ShortenedDayKind.DagForeJulafton, 1)] });

        Assert.Equal(8.0, off.WorkingHoursOf(Day("2027-12-23")));
        Assert.Equal(7.0, mild.WorkingHoursOf(Day("2027-12-23")));
        Assert.Equal(new TimeOnly(16, 0), mild.DayEndOn(Day("2027-12-23")));
        Assert.Equal(8.0, mild.WorkingHoursOf(Day("2027-01-05")));
    }

    [Fact]
    public void Paskafton_is_closed_unless_configured_open_for_an_office_that_works_Saturdays()
    {
        var withSaturday = OfficeHours.Default with { WorkingDays = new[] { DayOfWeek.Friday, DayOfWeek.Saturday }.ToFrozenSet() };
        var closed = new OfficeWorkingTime(hours: withSaturday);
        var open = new OfficeWorkingTime(new SwedishHolidays(new SwedishHolidayOptions(PaskaftonIsNonWorking: false)), withSaturday);

        Assert.True(closed.IsWorkingDay(Day("2026-04-11")));
        Assert.False(closed.IsWorkingDay(Day("2026-04-04")));
        Assert.True(open.IsWorkingDay(Day("2026-04-04")));
    }

    [Fact]
    public void Invalid_office_hours_are_refused_naming_each_field()
    {
        var bad = OfficeHours.Default with
        {
            WorkingDays = FrozenSet<DayOfWeek>.Empty,
            DayStart = new TimeOnly(17, 0),
            DayEnd = new TimeOnly(8, 0),
        };

        PlaneringAssert.Invalid(() => new OfficeWorkingTime(hours: bad), "working_days", "day_end", "lunch_start");
        PlaneringAssert.Invalid(
            () => new OfficeWorkingTime(hours: OfficeHours.Default with { LunchMinutes = -5, ShortenedDays = [new ShortenedDayRule((ShortenedDayKind)42, -1)] }),
            "lunch_minutes", "shortened_days[0].kind", "shortened_days[0].hours_shorter");
        PlaneringAssert.Invalid(() => new OfficeWorkingTime(hours: OfficeHours.Default with { WorkingDays = new[] { (DayOfWeek)9 }.ToFrozenSet() }), "working_days");
    }

    [Fact]
    public void A_runaway_number_of_working_days_is_refused() =>
        PlaneringAssert.Invalid(() => Office.AddWorkingDays(Day("2026-01-01"), int.MinValue), "working_days");

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
