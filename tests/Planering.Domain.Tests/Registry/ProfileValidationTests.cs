using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Registry;

public sealed class ProfileValidationTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;

    [Fact]
    public void A_valid_huvudman_without_position_sits_at_its_kommun_seat()
    {
        var profile = HuvudmanProfile.Create("2120000142", " Stockholms kommun ", HuvudmanType.Municipal, "0180", null, 100_000, false, Sweden);
        Assert.Equal("Stockholms kommun", profile.Name);
        Assert.Equal("01", profile.Lanskod);
        Assert.Equal(Sweden.Kommun("0180").Position, profile.Position);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var error = Assert.Throws<PlaneringException>(() => HuvudmanProfile.Create(
            "2120000143", "  ", (HuvudmanType)99, "9999", new GeoPosition(48.85, 2.35), -1, false, Sweden));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal(
            ["organisation_number", "name", "type", "kommunkod", "position.latitude", "position.longitude", "pupils"],
            error.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(double.NaN, 18.0, "position.latitude")]
    [InlineData(59.3, double.PositiveInfinity, "position.longitude")]
    [InlineData(70.0, 18.0, "position.latitude")]
    [InlineData(59.3, 25.0, "position.longitude")]
    public void Positions_outside_Sweden_are_refused(double latitude, double longitude, string field)
    {
        var error = Assert.Throws<PlaneringException>(() =>
            OfficeProfile.Create("umea", "Umeå", "2480", new GeoPosition(latitude, longitude), null, Sweden));
        Assert.Equal([field], error.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData("Umea")]
    [InlineData("u")]
    [InlineData("1umea")]
    [InlineData("umeå")]
    [InlineData("")]
    public void Office_ids_are_slugs(string officeId)
    {
        var error = Assert.Throws<PlaneringException>(() => OfficeProfile.Create(officeId, "Umeå", "2480", null, null, Sweden));
        Assert.Equal("office_id", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Staffing_names_each_bad_advisor_field_by_its_path()
    {
        IReadOnlyList<Advisor> advisors =
        [
            new("umea-1", "Anna", 1.0, Staffing.Weekdays, []),
            new("umea-2", "Bo", -0.5, Staffing.Weekdays, []),
            new("umea-1", "", 0.5, new HashSet<DayOfWeek> { DayOfWeek.Saturday }, [new Absence(new DateOnly(2027, 2, 10), new DateOnly(2027, 2, 1), "sick")]),
        ];

        var error = Assert.Throws<PlaneringException>(() => Staffing.Validate(advisors));

        Assert.Equal(
            ["advisors[1].fte", "advisors[2].advisor_id", "advisors[2].name", "advisors[2].working_days", "advisors[2].absences[0].end_date"],
            error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Fte_must_be_a_positive_share_of_at_most_one()
    {
        foreach (var fte in new[] { 0.0, 1.01, double.NaN, double.NegativeInfinity })
        {
            var error = Assert.Throws<PlaneringException>(() => Staffing.Validate([new Advisor("a-1", "A", fte, Staffing.Weekdays, [])]));
            Assert.Equal("advisors[0].fte", Assert.Single(error.Violations).Field);
        }

        Assert.Equal(1.8, Staffing.TotalFte(Staffing.Validate([
            new Advisor("a-1", "A", 1.0, Staffing.Weekdays, []),
            new Advisor("a-2", "B", 0.8, Staffing.Weekdays, []),
        ])), 9);
    }

    [Fact]
    public void The_error_keeps_its_code_reason_and_violations_in_its_data()
    {
        var original = new PlaneringException(ErrorCode.RuleViolation, "slot taken", "SLOT_TAKEN", [new FieldViolation("slot", "taken"), new FieldViolation("slot", "again")]);

        // A serializer that carries only message and Data (as Orleans' exception codec does) must lose nothing.
        var copy = new PlaneringException(original.Message);
        copy.Data.Clear();
        foreach (System.Collections.DictionaryEntry entry in original.Data)
        {
            copy.Data[entry.Key] = entry.Value;
        }

        Assert.Equal(ErrorCode.RuleViolation, copy.Code);
        Assert.Equal("SLOT_TAKEN", copy.Reason);
        Assert.Equal(["taken", "again"], copy.Violations.Select(v => v.Description));
    }

    [Fact]
    public void Page_tokens_round_trip_and_foreign_tokens_are_refused()
    {
        var cursor = new ListingCursor("0180", "2120000142");
        Assert.Equal(cursor, ListingCursor.Parse(cursor.ToToken()));
        Assert.Null(ListingCursor.Parse(""));
        foreach (var bad in new[] { "not base64 !", "djF8MDE4MA", Convert.ToBase64String("v2|0180|2120000142"u8.ToArray()) })
        {
            var error = Assert.Throws<PlaneringException>(() => ListingCursor.Parse(bad));
            Assert.Equal("page_token", Assert.Single(error.Violations).Field);
        }
    }
}
