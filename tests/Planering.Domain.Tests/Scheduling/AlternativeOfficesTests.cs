using Planering.Domain.Geography;
using Planering.Domain.Scheduling;

namespace Planering.Domain.Tests.Scheduling;

/// <summary>Which offices a slot search asks for an earlier slot, and which answers it offers.</summary>
public sealed class AlternativeOfficesTests
{
    private static readonly GeoPosition Huvudman = new(59.33, 18.06);

    // Found at "far" (Luleå); "near" (Uppsala) is nearer, "farther" (Kiruna) is farther, "solo" has one advisor.
    private static readonly List<(string OfficeId, GeoPosition Position, int Advisors)> Offices =
    [
        ("far", new GeoPosition(65.58, 22.15), 6),
        ("near", new GeoPosition(59.86, 17.64), 6),
        ("farther", new GeoPosition(67.86, 20.23), 6),
        ("solo", new GeoPosition(59.40, 18.00), 1),
    ];

    [Fact]
    public void Any_office_means_every_other_office_with_a_pair_of_advisors()
    {
        Assert.Equal(["near", "farther"], AlternativeOffices.ToAsk(Huvudman, Offices, "far", EarlierElsewhere.AnyOffice, advisorsPerDialogue: 2));
    }

    [Fact]
    public void An_office_with_fewer_advisors_than_a_dialogue_takes_is_not_asked()
    {
        Assert.Equal(["near", "farther"], AlternativeOffices.ToAsk(Huvudman, Offices, "far", EarlierElsewhere.AnyOffice, advisorsPerDialogue: 2));
        Assert.Equal(["near", "farther", "solo"], AlternativeOffices.ToAsk(Huvudman, Offices, "far", EarlierElsewhere.AnyOffice, advisorsPerDialogue: 1));
    }

    [Fact]
    public void Nearer_office_means_only_those_nearer_the_huvudman_than_the_office_found()
    {
        Assert.Equal(["near"], AlternativeOffices.ToAsk(Huvudman, Offices, "far", EarlierElsewhere.NearerOffice, advisorsPerDialogue: 2));
    }

    [Fact]
    public void None_asks_no_office()
    {
        Assert.Empty(AlternativeOffices.ToAsk(Huvudman, Offices, "far", EarlierElsewhere.None, advisorsPerDialogue: 2));
    }

    [Fact]
    public void Only_earlier_answers_are_offered_earliest_first_ties_by_office_id_and_at_most_two()
    {
        var found = new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var answers = new (string OfficeId, DateTimeOffset StartUtc)[]
        {
            ("c", found.AddDays(-1)),
            ("b", found.AddDays(-2)),
            ("a", found.AddDays(-2)),
            ("d", found),
            ("e", found.AddDays(1)),
        };
        Assert.Equal(["a", "b"], AlternativeOffices.ToOffer(answers, x => x, found).Select(x => x.OfficeId));
    }
}
