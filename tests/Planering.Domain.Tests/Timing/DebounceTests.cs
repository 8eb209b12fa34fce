using Planering.Domain.Timing;

namespace Planering.Domain.Tests.Timing;

/// <summary>The debounce rule the forecast (1 s, capped at 10 s) and the planning re-solve (2 s, no postponing) follow.</summary>
public sealed class DebounceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void The_first_change_arms_the_work_one_delay_after_it()
    {
        var debounce = new Debounce(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.Null(debounce.Due);
        Assert.Equal(DebounceStep.Armed, debounce.Change(At(0)));
        Assert.Equal(At(1), debounce.Due);
    }

    [Fact]
    public void A_change_before_the_work_is_due_postpones_it_to_one_delay_after_that_change()
    {
        var debounce = new Debounce(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        debounce.Change(At(0));

        Assert.Equal(DebounceStep.Postponed, debounce.Change(At(0.999)));
        Assert.Equal(At(1.999), debounce.Due);
    }

    /// <summary>Changes every 0.9 s would postpone an uncapped debounce for ever; the cap makes it run 9.1 s after the first.</summary>
    [Fact]
    public void A_steady_stream_of_changes_runs_the_work_before_the_cap_after_the_first_change()
    {
        var debounce = new Debounce(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        var steps = new List<DebounceStep>();
        DateTimeOffset? ran = null;
        for (var tenths = 0; tenths <= 150 && ran is null; tenths++)
        {
            var now = At(tenths / 10.0);
            if (debounce.Due is { } due && now >= due)
            {
                ran = due;
                debounce.Fire();
            }
            else if (tenths % 9 == 0)
            {
                steps.Add(debounce.Change(now));
            }
        }

        // 0, 0.9, …, 8.1 s move the work (8.1 + 1 < 10); the change at 9.0 s would move it to 10 s, the cap, and does not.
        Assert.Equal([DebounceStep.Armed, .. Enumerable.Repeat(DebounceStep.Postponed, 9), DebounceStep.Kept], steps);
        Assert.Equal(At(9.1), ran);
        Assert.True(ran < At(0) + debounce.Cap);
    }

    [Fact]
    public void A_cap_equal_to_the_delay_never_postpones_the_work()
    {
        var debounce = new Debounce(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        debounce.Change(At(0));

        Assert.Equal(DebounceStep.Kept, debounce.Change(At(0)));
        Assert.Equal(DebounceStep.Kept, debounce.Change(At(1.999)));
        Assert.Equal(At(2), debounce.Due);
    }

    [Fact]
    public void A_change_after_the_work_started_begins_a_new_burst()
    {
        var debounce = new Debounce(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        debounce.Change(At(0));
        debounce.Fire();

        Assert.Null(debounce.Due);
        Assert.Equal(DebounceStep.Armed, debounce.Change(At(9.5)));
        // The new burst's cap counts from its own first change: 9.5 s + 10 s.
        Assert.Equal(DebounceStep.Postponed, debounce.Change(At(18.0)));
        Assert.Equal(At(19.0), debounce.Due);
    }

    [Fact]
    public void A_delay_must_be_positive_and_the_cap_no_shorter_than_it()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Debounce(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Debounce(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
    }
}
