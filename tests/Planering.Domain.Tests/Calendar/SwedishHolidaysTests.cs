using Planering.Domain.Calendar;

namespace Planering.Domain.Tests.Calendar;

public sealed class SwedishHolidaysTests
{
    private static readonly SwedishHolidays Holidays = SwedishHolidays.Default;

    [Fact]
    public void The_holidays_of_2026_are_the_published_ones_in_date_order()
    {
        var expected = new (string Date, string Swedish, HolidayKind Kind)[]
        {
            ("2026-01-01", "Nyårsdagen", HolidayKind.PublicHoliday),
            ("2026-01-06", "Trettondedag jul", HolidayKind.PublicHoliday),
            ("2026-04-03", "Långfredagen", HolidayKind.PublicHoliday),
            ("2026-04-04", "Påskafton", HolidayKind.DeFactoHoliday),
            ("2026-04-05", "Påskdagen", HolidayKind.PublicHoliday),
            ("2026-04-06", "Annandag påsk", HolidayKind.PublicHoliday),
            ("2026-05-01", "Första maj", HolidayKind.PublicHoliday),
            ("2026-05-14", "Kristi himmelsfärdsdag", HolidayKind.PublicHoliday),
            ("2026-05-24", "Pingstdagen", HolidayKind.PublicHoliday),
            ("2026-06-06", "Sveriges nationaldag", HolidayKind.PublicHoliday),
            ("2026-06-19", "Midsommarafton", HolidayKind.DeFactoHoliday),
            ("2026-06-20", "Midsommardagen", HolidayKind.PublicHoliday),
            ("2026-10-31", "Alla helgons dag", HolidayKind.PublicHoliday),
            ("2026-12-24", "Julafton", HolidayKind.DeFactoHoliday),
            ("2026-12-25", "Juldagen", HolidayKind.PublicHoliday),
            ("2026-12-26", "Annandag jul", HolidayKind.PublicHoliday),
            ("2026-12-31", "Nyårsafton", HolidayKind.DeFactoHoliday),
        };

        var actual = Holidays.ForYear(2026).Select(h => (h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), h.SwedishName, h.Kind));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("2027-03-26", "Långfredagen", "Good Friday")]
    [InlineData("2027-03-28", "Påskdagen", "Easter Sunday")]
    [InlineData("2027-03-29", "Annandag påsk", "Easter Monday")]
    [InlineData("2027-05-06", "Kristi himmelsfärdsdag", "Ascension Day")]
    [InlineData("2027-05-16", "Pingstdagen", "Whit Sunday")]
    [InlineData("2027-06-25", "Midsommarafton", "Midsummer Eve")]
    [InlineData("2027-06-26", "Midsommardagen", "Midsummer Day")]
    [InlineData("2027-11-06", "Alla helgons dag", "All Saints' Day")]
    [InlineData("2025-06-20", "Midsommarafton", "Midsummer Eve")]
    [InlineData("2025-11-01", "Alla helgons dag", "All Saints' Day")]
    public void Movable_holidays_fall_on_their_known_dates(string date, string swedish, string english)
    {
        Assert.True(Holidays.TryGetHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), out var holiday));
        Assert.Equal(swedish, holiday.SwedishName);
        Assert.Equal(english, holiday.EnglishName);
    }

    [Fact]
    public void The_Saturday_and_Friday_rules_hold_in_every_supported_year()
    {
        for (var year = SwedishHolidays.MinYear; year <= SwedishHolidays.MaxYear; year++)
        {
            var byName = Holidays.ForYear(year).ToDictionary(h => h.SwedishName, h => h.Date);
            Assert.Equal(DayOfWeek.Saturday, byName["Midsommardagen"].DayOfWeek);
            Assert.InRange(byName["Midsommardagen"], new DateOnly(year, 6, 20), new DateOnly(year, 6, 26));
            Assert.Equal(byName["Midsommardagen"].AddDays(-1), byName["Midsommarafton"]);
            Assert.Equal(DayOfWeek.Saturday, byName["Alla helgons dag"].DayOfWeek);
            Assert.InRange(byName["Alla helgons dag"], new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));
            Assert.Equal(DayOfWeek.Thursday, byName["Kristi himmelsfärdsdag"].DayOfWeek);
            Assert.Equal(DayOfWeek.Friday, byName["Långfredagen"].DayOfWeek);
            Assert.Equal(DayOfWeek.Monday, byName["Annandag påsk"].DayOfWeek);
            Assert.Equal(DayOfWeek.Sunday, byName["Pingstdagen"].DayOfWeek);
            Assert.Equal(17, byName.Count);
        }
    }

    [Fact]
    public void Two_holidays_on_one_date_are_both_listed()
    {
        // In 2008 Easter fell on 23 March, so Kristi himmelsfärdsdag (+39) was första maj.
        var mayDay = Holidays.On(new DateOnly(2008, 5, 1));

        Assert.Equal(["Första maj", "Kristi himmelsfärdsdag"], mayDay.Select(h => h.SwedishName));
        Assert.Equal(17, Holidays.ForYear(2008).Count);
    }

    [Fact]
    public void Pingstdagen_and_nationaldagen_can_share_a_date()
    {
        // Easter on 18 April puts pingstdagen (+49) on 6 June; 2049 is such a year.
        Assert.Equal(new DateOnly(2049, 4, 18), EasterComputus.EasterSunday(2049));
        Assert.Equal(["Pingstdagen", "Sveriges nationaldag"], Holidays.On(new DateOnly(2049, 6, 6)).Select(h => h.SwedishName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Paskafton_can_be_made_a_working_day()
    {
        var open = new SwedishHolidays(new SwedishHolidayOptions(PaskaftonIsNonWorking: false));
        var paskafton = new DateOnly(2026, 4, 4);

        Assert.True(Holidays.IsHoliday(paskafton));
        Assert.Equal(HolidayKind.DeFactoHoliday, Holidays.On(paskafton).Single().Kind);
        Assert.False(open.IsHoliday(paskafton));
        Assert.Equal(16, open.ForYear(2026).Count);
        Assert.True(open.IsHoliday(new DateOnly(2026, 4, 3)));
    }

    [Theory]
    [InlineData("2026-01-02")]
    [InlineData("2026-04-07")]
    [InlineData("2026-06-22")]
    [InlineData("2026-12-23")]
    [InlineData("2026-12-30")]
    public void Ordinary_days_are_not_holidays(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Holidays.IsHoliday(day));
        Assert.False(Holidays.TryGetHoliday(day, out var none));
        Assert.Null(none);
        Assert.Empty(Holidays.On(day));
    }

    [Fact]
    public void The_edges_of_the_supported_range_work()
    {
        Assert.Equal(new DateOnly(1900, 4, 13), Holidays.ForYear(1900).Single(h => h.SwedishName == "Långfredagen").Date);
        Assert.True(Holidays.IsHoliday(new DateOnly(2200, 12, 25)));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2201)]
    public void Years_outside_1900_to_2200_are_refused_with_the_field_named(int year)
    {
        PlaneringAssert.Invalid(() => Holidays.ForYear(year), "year");
        PlaneringAssert.Invalid(() => Holidays.IsHoliday(new DateOnly(year, 5, 1)), "date");
    }
}
