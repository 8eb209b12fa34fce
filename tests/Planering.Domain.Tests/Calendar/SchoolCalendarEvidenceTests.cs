using System.Globalization;
using Planering.Domain.Calendar;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Calendar;

/// <summary>
/// The defaults against the published läsårstider they were set from (docs/school-calendars.md lists each source):
/// every row below is a kommun and year a source states, and the defaults must give the same days.
/// </summary>
public sealed class SchoolCalendarEvidenceTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly SchoolHolidayCalendar Defaults = SchoolHolidayCalendar.Create(Sweden);

    [Theory]
    [InlineData("0181", 2025, 9)] // Södertälje
    [InlineData("0181", 2026, 9)]
    [InlineData("0163", 2026, 9)] // Sollentuna
    [InlineData("0162", 2026, 9)] // Danderyd
    [InlineData("0484", 2026, 8)] // Eskilstuna
    [InlineData("0584", 2023, 8)] // Vadstena
    [InlineData("0584", 2024, 8)]
    [InlineData("0665", 2025, 7)] // Vaggeryd
    [InlineData("0665", 2026, 7)]
    [InlineData("1290", 2024, 8)] // Kristianstad
    [InlineData("1290", 2025, 8)]
    [InlineData("1480", 2026, 7)] // Göteborg: "sportlov vecka 7"
    [InlineData("1480", 2027, 7)]
    [InlineData("1444", 2025, 7)] // Grästorp
    [InlineData("1444", 2026, 7)]
    [InlineData("1780", 2021, 9)] // Karlstad, every year 2021–2025
    [InlineData("1780", 2023, 9)]
    [InlineData("1780", 2025, 9)]
    [InlineData("1880", 2024, 8)] // Örebro
    [InlineData("1980", 2015, 9)] // Västerås
    [InlineData("1980", 2016, 9)]
    [InlineData("1980", 2025, 9)]
    [InlineData("1907", 2022, 9)] // Surahammar
    [InlineData("1907", 2023, 9)]
    [InlineData("2280", 2021, 10)] // Härnösand
    [InlineData("2280", 2022, 10)]
    [InlineData("2282", 2024, 10)] // Kramfors
    [InlineData("2482", 2021, 10)] // Skellefteå
    [InlineData("2404", 2023, 10)] // Vindeln
    [InlineData("2584", 2021, 10)] // Kiruna
    [InlineData("2560", 2021, 10)] // Älvsbyn
    public void Sportlov_lies_in_the_published_week(string kommunkod, int year, int week)
    {
        var sportlov = Lov(kommunkod, year, LovKind.Sportlov);

        Assert.Equal(DayOfWeek.Monday, sportlov.Start.DayOfWeek);
        Assert.Equal(week, IsoWeeks.WeekOf(sportlov.Start));
        Assert.Equal(sportlov.Start.AddDays(4), sportlov.End);
    }

    [Theory]
    [InlineData("0139", "2026-02-23", "2026-02-27")] // Upplands-Bro
    [InlineData("0139", "2027-03-01", "2027-03-05")]
    [InlineData("0862", "2024-02-19", "2024-02-23")] // Emmaboda
    [InlineData("0862", "2026-02-16", "2026-02-20")]
    [InlineData("0980", "2026-02-23", "2026-02-27")] // Region Gotland
    [InlineData("0980", "2027-03-01", "2027-03-05")]
    [InlineData("0980", "2028-02-28", "2028-03-03")]
    [InlineData("1280", "2026-02-16", "2026-02-20")] // Malmö
    [InlineData("1380", "2026-02-16", "2026-02-20")] // Halmstad
    [InlineData("1380", "2027-02-22", "2027-02-26")]
    [InlineData("1496", "2026-02-09", "2026-02-13")] // Skövde
    [InlineData("2081", "2023-02-27", "2023-03-03")] // Borlänge
    public void Sportlov_has_the_published_days(string kommunkod, string first, string last)
    {
        var sportlov = Lov(kommunkod, Day(first).Year, LovKind.Sportlov);

        Assert.Equal((Day(first), Day(last)), (sportlov.Start, sportlov.End));
    }

    [Theory]
    // 2025, Easter 20 April (late): the week before almost everywhere (week 16), Karlstad the week after (17).
    [InlineData("0181", 2025, 16)]
    [InlineData("0665", 2025, 16)]
    [InlineData("1444", 2025, 16)]
    [InlineData("1290", 2025, 16)]
    [InlineData("1980", 2025, 16)]
    [InlineData("1780", 2025, 17)]
    // 2019, Easter 21 April (late): Göteborg and Danderyd week 16.
    [InlineData("1480", 2019, 16)]
    [InlineData("0162", 2019, 16)]
    // 2026, Easter 5 April: the week after (15) for most, the week before (14) in Malmö, Skövde and Grästorp.
    [InlineData("0181", 2026, 15)]
    [InlineData("0665", 2026, 15)]
    [InlineData("0484", 2026, 15)]
    [InlineData("0980", 2026, 15)]
    [InlineData("1380", 2026, 15)]
    [InlineData("0862", 2026, 15)]
    [InlineData("0139", 2026, 15)]
    [InlineData("1280", 2026, 14)]
    [InlineData("1496", 2026, 14)]
    [InlineData("1444", 2026, 14)]
    // 2027, Easter 28 March (early): the week after, 29 March–2 April.
    [InlineData("1380", 2027, 13)]
    [InlineData("0980", 2027, 13)]
    [InlineData("0139", 2027, 13)]
    public void Pasklov_lies_in_the_published_week(string kommunkod, int year, int week)
    {
        var pasklov = Lov(kommunkod, year, LovKind.Pasklov);

        Assert.Equal(week, IsoWeeks.WeekOf(pasklov.Start));
        Assert.Equal(DayOfWeek.Monday, pasklov.Start.DayOfWeek);
    }

    [Fact]
    public void Malmo_2026_and_Gotland_2028_have_their_published_pasklov_days()
    {
        // malmo.se: 30 March–6 April 2026 (långfredagen 3 April and annandag påsk 6 April are holidays anyway).
        var malmo = Lov("1280", 2026, LovKind.Pasklov);
        Assert.Equal((Day("2026-03-30"), Day("2026-04-03")), (malmo.Start, malmo.End));

        // Region Gotland: 10–13 April 2028, the week before Easter Sunday 16 April (långfredagen the 14th).
        var gotland = Lov("0980", 2028, LovKind.Pasklov);
        Assert.Equal(Day("2028-04-10"), gotland.Start);
        Assert.True(gotland.Contains(Day("2028-04-13")));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2028)]
    [InlineData(2030)]
    [InlineData(2031)]
    [InlineData(2033)]
    [InlineData(2036)]
    [InlineData(2038)]
    public void In_late_Easter_years_the_default_pasklov_is_the_week_before_Easter(int year)
    {
        var pasklov = Lov("0180", year, LovKind.Pasklov);

        Assert.Equal(EasterComputus.EasterSunday(year).AddDays(-6), pasklov.Start);
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2029)]
    [InlineData(2032)]
    [InlineData(2034)]
    [InlineData(2035)]
    [InlineData(2037)]
    public void In_other_years_the_default_pasklov_is_the_week_after_Easter(int year)
    {
        Assert.Equal(EasterComputus.EasterSunday(year).AddDays(1), Lov("0180", year, LovKind.Pasklov).Start);
    }

    [Theory]
    // The last school day before sommarlov: sommarlov starts the day after.
    [InlineData("0181", "2025-06-12")] // Södertälje
    [InlineData("0665", "2025-06-12")] // Vaggeryd
    [InlineData("1780", "2025-06-12")] // Karlstad
    [InlineData("1444", "2025-06-13")] // Grästorp
    [InlineData("1280", "2026-06-11")] // Malmö
    [InlineData("0180", "2026-06-11")] // 2026: 10–12 June; 12 June is not a school day under the default
    [InlineData("0980", "2027-06-10")] // Region Gotland
    public void Sommarlov_starts_after_the_published_last_school_day(string kommunkod, string lastSchoolDay)
    {
        var day = Day(lastSchoolDay);

        Assert.Equal(day.AddDays(1), Lov(kommunkod, day.Year, LovKind.Sommarlov).Start);
        Assert.False(Defaults.IsSchoolHoliday(kommunkod, day, out _));
    }

    [Theory]
    // The first school day after sommarlov: sommarlov ends the day before.
    [InlineData("1280", "2025-08-13")] // Malmö: 13–15 August 2025 are school days, so bookable
    [InlineData("1380", "2025-08-13")] // Halmstad
    [InlineData("0181", "2025-08-18")] // Södertälje
    [InlineData("1496", "2025-08-18")] // Skövde
    [InlineData("0180", "2026-08-18")] // most kommuner in 2026
    [InlineData("1480", "2026-08-18")]
    [InlineData("2280", "2021-08-24")] // Härnösand
    public void Sommarlov_ends_before_the_published_first_school_day(string kommunkod, string firstSchoolDay)
    {
        var day = Day(firstSchoolDay);

        Assert.Equal(day.AddDays(-1), Lov(kommunkod, day.Year, LovKind.Sommarlov).End);
        Assert.False(Defaults.IsSchoolHoliday(kommunkod, day, out _));
    }

    [Fact]
    public void Malmo_s_first_school_days_of_August_2025_are_not_lov()
    {
        foreach (var day in new[] { Day("2025-08-13"), Day("2025-08-14"), Day("2025-08-15") })
        {
            Assert.False(Defaults.IsSchoolHoliday("1280", day, out _));
        }
    }

    [Theory]
    // The first school day after jullov (in January): jullov ends the day before.
    [InlineData("0180", "2026-01-08")] // most kommuner in 2026
    [InlineData("0980", "2026-01-07")] // Region Gotland
    [InlineData("1380", "2026-01-09")] // Halmstad
    [InlineData("1380", "2027-01-11")]
    [InlineData("2280", "2022-01-11")] // Härnösand
    public void Jullov_ends_before_the_published_first_school_day(string kommunkod, string firstSchoolDay)
    {
        var day = Day(firstSchoolDay);

        Assert.Equal(day.AddDays(-1), Lov(kommunkod, day.Year - 1, LovKind.Jullov).End);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void The_autumn_term_ends_on_a_Thursday_or_Friday_between_18_and_22_December(int year)
    {
        var lastSchoolDay = Lov("0180", year, LovKind.Jullov).Start.AddDays(-1);

        Assert.InRange(lastSchoolDay.Day, 18, 22);
        Assert.Contains(lastSchoolDay.DayOfWeek, new[] { DayOfWeek.Thursday, DayOfWeek.Friday });
    }

    [Fact]
    public void Hostlov_is_week_44_everywhere_2020_to_2027()
    {
        foreach (var kommunkod in new[] { "0180", "1280", "1480", "0980", "2280", "2580" })
        {
            for (var year = 2020; year <= 2027; year++)
            {
                Assert.Equal(44, IsoWeeks.WeekOf(Lov(kommunkod, year, LovKind.Hostlov).Start));
            }
        }
    }

    [Fact]
    public void Every_office_kommun_and_the_ten_largest_kommuner_have_a_shipped_row_with_its_evidence()
    {
        var offices = Sweden.Offices.Select(o => o.Kommunkod);
        var largest = Sweden.Kommuner.OrderByDescending(k => k.Population).Take(10).Select(k => k.Kommunkod);

        foreach (var kommunkod in offices.Concat(largest).Distinct())
        {
            Assert.True(SchoolCalendarDefaults.Kommuner.TryGetValue(kommunkod, out var row), $"no shipped row for {kommunkod}");
            Assert.False(string.IsNullOrWhiteSpace(row.Evidence));
            Assert.Equal(Sweden.Kommun(kommunkod).Name, row.Name);
        }

        Assert.All(SchoolCalendarDefaults.Kommuner.Values, row => Assert.True(Sweden.TryGetKommun(row.Kommunkod, out _), row.Kommunkod));
    }

    private static LovPeriod Lov(string kommunkod, int year, LovKind kind) => Defaults.LovPeriods(kommunkod, year).Single(p => p.Kind == kind);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
