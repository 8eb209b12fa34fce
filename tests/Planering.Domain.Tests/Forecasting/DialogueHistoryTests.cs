using Planering.Domain.Forecasting;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>What the forecast reads from the dialogues held and booked: last and next per huvudman, held per month per office.</summary>
public sealed class DialogueHistoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DialogueDay Day(string huvudman, string office, int year, int month, int day) => new(huvudman, office, new DateOnly(year, month, day));

    [Fact]
    public void A_huvudman_has_its_latest_dialogue_before_today_as_held_and_its_earliest_from_today_as_booked()
    {
        var history = DialogueHistory.Of(
        [
            Day("a", "lulea", 2025, 3, 4), Day("a", "lulea", 2026, 2, 10), Day("a", "lulea", 2027, 5, 1), Day("a", "lulea", 2026, 11, 23),
            Day("b", "lulea", 2026, 11, 22),
        ], Today);

        Assert.Equal(new DateOnly(2026, 2, 10), history.LastHeld("a"));
        // Today counts as booked, not held: the dialogue has not necessarily taken place.
        Assert.Equal(new DateOnly(2026, 11, 23), history.NextBooked("a"));
        Assert.Equal(new DateOnly(2026, 11, 22), history.LastHeld("b"));
        Assert.Null(history.NextBooked("b"));
        Assert.Null(history.LastHeld("c"));
    }

    [Fact]
    public void Held_per_month_counts_the_24_months_before_this_one_oldest_first_from_the_first_month_with_a_dialogue()
    {
        var history = DialogueHistory.Of(
        [
            // This month is not history yet; 25 months back is outside the window.
            Day("a", "umea", 2026, 11, 2), Day("b", "umea", 2024, 10, 15),
            // 24 months back (November 2024) is the window's first month.
            Day("c", "umea", 2024, 11, 5),
            Day("d", "umea", 2026, 9, 1), Day("e", "umea", 2026, 9, 30), Day("f", "umea", 2026, 10, 31),
            Day("g", "solna", 2026, 8, 20),
        ], Today);

        int[] umea = [1, .. Enumerable.Repeat(0, 21), 2, 1];
        Assert.Equal(umea, history.HeldPerMonth("umea"));
        // Solna's first held month is August 2026: nothing before it, then August, September (0), October (0).
        Assert.Equal([1, 0, 0], history.HeldPerMonth("solna"));
        Assert.Empty(history.HeldPerMonth("kiruna"));
    }
}
