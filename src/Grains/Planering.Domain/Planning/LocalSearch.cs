namespace Planering.Domain.Planning;

/// <summary>
/// Improves an integer assignment by shift moves (one huvudman to another office) and swap moves (two huvudmän at two
/// offices trade places) until neither finds a clear improvement of the lexicographic objective.
/// </summary>
/// <remarks>
/// Every move is priced by its delta alone: the cost-matrix difference plus the change of the two office terms, O(1)
/// per candidate. A shift pass prices all n·(m − 1) shifts, O(n·m). A swap pass looks, for each office pair (a, b), at
/// the K huvudmän of a that lose least by going to b and the K of b that lose least by going to a, O(m²·K²) in all;
/// K is chosen so a pass stays near a few million candidates whatever n and m are (all members on the national
/// instance, about 40 per office at 20,000 × 50). Swaps matter because with tight capacities no single shift fits.
/// Ties go to the lower index (the smaller id), so the result is deterministic.
/// </remarks>
internal sealed class LocalSearch
{
    private const int SwapCandidatesPerPass = 2_000_000;
    private const int MaxRounds = 200;

    private readonly PlanningModel _model;
    private readonly int _n;
    private readonly int _m;
    private readonly int[] _assignment;
    private readonly int _swapListLength;
    private double[] _load;

    public LocalSearch(PlanningModel model, int[] assignment)
    {
        _model = model;
        _n = model.ItemCount;
        _m = model.OfficeCount;
        _assignment = assignment;
        _load = model.Loads(assignment);
        var pairs = Math.Max(1, _m * (_m - 1) / 2);
        _swapListLength = Math.Max(16, (int)Math.Sqrt(SwapCandidatesPerPass / (double)pairs));
    }

    public int[] Assignment => _assignment;

    /// <summary>Runs shift and swap passes until a round improves nothing (or a generous round limit is reached).</summary>
    public void Run()
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var improved = ShiftPass();
            improved |= SwapPass();
            // Incremental load updates drift by rounding; re-summing each round keeps deltas honest.
            _load = _model.Loads(_assignment);
            if (!improved)
            {
                return;
            }
        }
    }

    private bool ShiftPass()
    {
        var improved = false;
        var cost = _model.Cost;
        for (var i = 0; i < _n; i++)
        {
            var from = _assignment[i];
            var demand = _model.Demand[i];
            var row = i * _m;
            var leave = _model.OfficeDelta(from, _load[from], -demand);
            var best = LexCost.Zero;
            var bestOffice = -1;
            for (var k = 0; k < _m; k++)
            {
                if (k == from)
                {
                    continue;
                }

                var delta = leave + _model.OfficeDelta(k, _load[k], demand) + new LexCost(0, cost[row + k] - cost[row + from]);
                if (_model.ClearlyLess(delta, best))
                {
                    best = delta;
                    bestOffice = k;
                }
            }

            if (bestOffice >= 0)
            {
                _assignment[i] = bestOffice;
                _load[from] -= demand;
                _load[bestOffice] += demand;
                improved = true;
            }
        }

        return improved;
    }

    private bool SwapPass()
    {
        var members = new List<int>[_m];
        for (var j = 0; j < _m; j++)
        {
            members[j] = [];
        }

        for (var i = 0; i < _n; i++)
        {
            members[_assignment[i]].Add(i);
        }

        var improved = false;
        var fromA = new List<(double Delta, int Item)>();
        var fromB = new List<(double Delta, int Item)>();
        for (var a = 0; a < _m; a++)
        {
            for (var b = a + 1; b < _m; b++)
            {
                // Each applied swap changes both lists, so rebuild and look again until the pair has nothing left.
                for (var guard = 0; guard < _n; guard++)
                {
                    Candidates(members[a], a, b, fromA);
                    Candidates(members[b], b, a, fromB);
                    if (!TryBestSwap(a, b, fromA, fromB, out var i, out var k))
                    {
                        break;
                    }

                    _assignment[i] = b;
                    _assignment[k] = a;
                    _load[a] += _model.Demand[k] - _model.Demand[i];
                    _load[b] += _model.Demand[i] - _model.Demand[k];
                    members[a][members[a].IndexOf(i)] = k;
                    members[b][members[b].IndexOf(k)] = i;
                    improved = true;
                }
            }
        }

        return improved;
    }

    private void Candidates(List<int> members, int from, int to, List<(double Delta, int Item)> list)
    {
        list.Clear();
        foreach (var i in members)
        {
            list.Add((_model.Cost[(i * _m) + to] - _model.Cost[(i * _m) + from], i));
        }

        list.Sort();
        if (list.Count > _swapListLength)
        {
            list.RemoveRange(_swapListLength, list.Count - _swapListLength);
        }
    }

    private bool TryBestSwap(int a, int b, List<(double Delta, int Item)> fromA, List<(double Delta, int Item)> fromB, out int bestI, out int bestK)
    {
        var best = LexCost.Zero;
        bestI = -1;
        bestK = -1;
        var loadA = _load[a];
        var loadB = _load[b];
        var atA = _model.OfficeCost(a, loadA);
        var atB = _model.OfficeCost(b, loadB);

        // The office terms can fall by at most what the two offices carry now (each term is at least 0), so a pair's delta
        // is at least floor + (deltaI + deltaK), rounded the same way as below (IEEE rounding is monotone, so this holds
        // for the computed value too). The lists are sorted by their deltas: once that bound cannot beat the incumbent,
        // no later k for this i can, nor (at the first k) any later i. Skipping them picks exactly the pair the full scan
        // picks: the incumbent cannot change while they are skipped.
        var floor = -atA - atB;
        var overloadTolerance = _model.OverloadTolerance;
        var costTolerance = _model.CostTolerance;
        foreach (var (deltaI, i) in fromA)
        {
            var demandI = _model.Demand[i];
            var first = true;
            var stop = false;
            foreach (var (deltaK, k) in fromB)
            {
                if (floor.Overload >= best.Overload - overloadTolerance && floor.Cost + (deltaI + deltaK) >= best.Cost - costTolerance)
                {
                    stop = first;
                    break;
                }

                first = false;
                var shift = _model.Demand[k] - demandI;
                var delta = _model.OfficeCost(a, loadA + shift) - atA + _model.OfficeCost(b, loadB - shift) - atB
                    + new LexCost(0, deltaI + deltaK);
                if (_model.ClearlyLess(delta, best))
                {
                    best = delta;
                    bestI = i;
                    bestK = k;
                }
            }

            if (stop)
            {
                break;
            }
        }

        return bestI >= 0;
    }
}
