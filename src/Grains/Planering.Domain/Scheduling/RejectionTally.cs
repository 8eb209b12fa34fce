namespace Planering.Domain.Scheduling;

/// <summary>How many candidate days one rule rejected, the first and last of them, and an example detail.</summary>
public sealed record RejectionSummary(RejectionCode Code, int Days, DateOnly FirstDate, DateOnly LastDate, string? Example);

/// <summary>
/// Aggregates rejections per rule so that an answer stays small however many days were examined: each rejected day
/// counts once, for the first rule that failed it.
/// </summary>
public sealed class RejectionTally
{
    private readonly Dictionary<RejectionCode, RejectionSummary> _byCode = [];

    public void Add(RejectionCode code, DateOnly date, string? example = null)
    {
        _byCode[code] = _byCode.TryGetValue(code, out var s)
            ? s with { Days = s.Days + 1, LastDate = date }
            : new RejectionSummary(code, 1, date, date, example);
    }

    /// <summary>The summaries, most frequent first (the dominant reasons), then by rule order.</summary>
    public IReadOnlyList<RejectionSummary> Summaries =>
        _byCode.Values.OrderByDescending(s => s.Days).ThenBy(s => s.Code).ToList();
}
