using Planering.Bench.Load;
using Planering.Bench.Scale;
using Planering.Contracts.V1;

namespace Planering.Bench;

/// <summary>What a smoke run saw, for a test to assert on.</summary>
public sealed record SmokeResult(
    DateOnly? SlotSearchDate,
    int ForecastOffices,
    LoadResult Echo,
    LoadResult FindNextSlot,
    Slot? FoundSlot,
    ScaleResult Scale,
    IReadOnlyList<StateSizes.Row> StateSizes)
{
    public bool Succeeded =>
        SlotSearchDate is not null
        && ForecastOffices > 0
        && Echo is { Calls: > 0, Failures: 0 }
        && FindNextSlot is { Calls: > 0, Failures: 0 }
        && FoundSlot is not null
        && Scale.ActiveAfter >= Scale.Count
        && StateSizes.Count > 0;
}
