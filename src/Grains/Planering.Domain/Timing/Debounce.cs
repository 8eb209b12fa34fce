namespace Planering.Domain.Timing;

/// <summary>What one change did to the pending work of a <see cref="Debounce"/>.</summary>
public enum DebounceStep
{
    /// <summary>Nothing was pending: the change starts a burst and the work is due <see cref="Debounce.Delay"/> after it.</summary>
    Armed,

    /// <summary>The change moved the pending work to <see cref="Debounce.Delay"/> after it.</summary>
    Postponed,

    /// <summary>Moving the work would pass the cap: it stays due when it was.</summary>
    Kept,
}

/// <summary>
/// When coalesced work is due, given the changes seen and the clock: a trailing debounce with a cap. Each change moves
/// the work to <see cref="Delay"/> after it, so a burst costs one run, but never to <see cref="Cap"/> or more after the
/// burst's first change, so a steady stream of changes cannot postpone it for ever. A cap equal to the delay never
/// postpones: the work runs once, <see cref="Delay"/> after the first change of a burst. The caller keeps the timer,
/// passes <c>now</c> (this type never reads a clock) and calls <see cref="Fire"/> when the work starts.
/// </summary>
public sealed class Debounce
{
    private DateTimeOffset _first;

    public Debounce(TimeSpan delay, TimeSpan cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, delay);
        (Delay, Cap) = (delay, cap);
    }

    /// <summary>How long after a change the work waits for more changes.</summary>
    public TimeSpan Delay { get; }

    /// <summary>How long after a burst's first change the work may be postponed to, at most (exclusive).</summary>
    public TimeSpan Cap { get; }

    /// <summary>When the pending work is due; null when nothing is pending.</summary>
    public DateTimeOffset? Due { get; private set; }

    /// <summary>Records a change seen at <paramref name="now"/>; <see cref="Due"/> then says when the work runs.</summary>
    public DebounceStep Change(DateTimeOffset now)
    {
        if (Due is null)
        {
            _first = now;
            Due = now + Delay;
            return DebounceStep.Armed;
        }

        if (now - _first + Delay < Cap)
        {
            Due = now + Delay;
            return DebounceStep.Postponed;
        }

        return DebounceStep.Kept;
    }

    /// <summary>The work starts: a change from here on begins a new burst (and is not covered by this run).</summary>
    public void Fire() => Due = null;
}
