using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Registry;

public sealed class RegisterImportTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;

    private static RegisterRow Row(string number, string kommunkod = "1980", int pupils = 10, GeoPosition? position = null) =>
        new(number, "Skolan AB", HuvudmanType.Independent, kommunkod, position, pupils, false, false);

    private static string Number(int n) => OrganisationNumber.FromNineDigits($"55{n:D7}").Value;

    [Fact]
    public void Every_bad_row_is_named_by_its_place_and_field()
    {
        var wrongDigit = Number(1)[..9] + (char)('0' + ((Number(1)[9] - '0' + 1) % 10));
        var rows = new[] { Row(Number(2)), Row(Number(3), kommunkod: "9999"), Row(wrongDigit), Row(Number(2)), Row(Number(4), pupils: -1) };

        var error = Assert.Throws<PlaneringException>(() => RegisterImport.Check(rows, Sweden));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal(
            ["rows[1].kommunkod", "rows[2].organisation_number", "rows[3].organisation_number", "rows[4].pupils"],
            error.Violations.Select(v => v.Field));
        Assert.Contains("rows[0]", error.Violations[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_with_a_hyphen_is_refused_because_it_becomes_a_grain_key_as_sent()
    {
        var number = Number(5);
        var error = Assert.Throws<PlaneringException>(() => RegisterImport.Check([Row($"{number[..6]}-{number[6..]}")], Sweden));
        Assert.Equal("rows[0].organisation_number", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Past_the_reporting_limit_the_rest_are_counted()
    {
        var rows = Enumerable.Range(0, RegisterImport.MaxReportedViolations + 50).Select(i => Row(Number(100 + i), kommunkod: "9999")).ToList();

        var error = Assert.Throws<PlaneringException>(() => RegisterImport.Check(rows, Sweden));

        Assert.Equal(RegisterImport.MaxReportedViolations + 1, error.Violations.Count);
        Assert.Equal("rows", error.Violations[^1].Field);
        Assert.Contains("50 more", error.Violations[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_without_a_position_keeps_the_stored_one_and_an_equal_row_is_unchanged()
    {
        var placed = HuvudmanProfile.Create(Number(6), "Skolan AB", HuvudmanType.Independent, "1980", new GeoPosition(59.62, 16.55), 10, false, Sweden);
        var incoming = RegisterImport.Check([Row(Number(6))], Sweden)[0];

        var (change, merged) = RegisterImport.Merge(placed, incoming, incomingHasPosition: false);
        Assert.Equal(ImportChange.Unchanged, change);
        Assert.Equal(placed.Position, merged.Position);

        var (bigger, _) = RegisterImport.Merge(placed, incoming with { Pupils = 11 }, incomingHasPosition: false);
        Assert.Equal(ImportChange.Changed, bigger);
        Assert.Equal(ImportChange.New, RegisterImport.Merge(null, incoming, incomingHasPosition: false).Change);

        // Another kommun moves it to that kommun's seat: changed.
        var moved = RegisterImport.Check([Row(Number(6), kommunkod: "0180")], Sweden)[0];
        Assert.Equal(ImportChange.Changed, RegisterImport.Merge(placed, moved, incomingHasPosition: false).Change);
    }
}
