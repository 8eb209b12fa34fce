namespace Planering.Domain.Planning;

/// <summary>
/// Proves the integer optimum of the lexicographic objective by depth-first branch and bound over the flow relaxation,
/// starting from a good incumbent.
/// </summary>
/// <remarks>
/// <para>Root: solve the relaxation for every huvudman with demand, then <i>reduced-cost fixing</i>: putting item i at
/// office k costs at least bound + d_i·rc_ik (the reduced cost under the optimal potentials), so every (i, k) whose
/// bound cannot beat the incumbent is forbidden. With a near-optimal incumbent the gap is tiny and nearly every
/// huvudman is left with one office: it is fixed, its demand becomes base load, and only a small "core" of huvudmän
/// near the borders between offices is searched.</para>
/// <para>Node: re-solve the relaxation of the core under the node's restrictions (cheap: the core is small), prune when
/// its bound cannot beat the incumbent, take it as the new incumbent when it is integral, try a greedy rounding,
/// fix by reduced cost again, and branch on the largest split huvudman: first "at its main office", then "not there".
/// </para>
/// <para>The search stops after a node limit; the lower bound is then the least bound of the unexplored nodes, so the
/// caller always gets a valid bound and knows whether optimality was proved. Zero-demand huvudmän are placed at their
/// cheapest office, where they are in some optimum.</para>
/// </remarks>
internal sealed class BranchAndBound
{
    private readonly PlanningModel _model;
    private readonly long _nodeLimit;
    private readonly long _workLimit;
    private readonly int _m;
    private readonly FlowRelaxation _relaxation;
    private readonly List<int> _trail = [];
    private readonly List<(int Item, int Office)> _fixed = [];
    private int[] _best;
    private int[] _core = [];
    private bool[] _allowed = [];
    private double[] _baseLoad = [];
    private int[] _scratch = [];
    private LexCost _fixedCost;

    /// <param name="model">The model.</param>
    /// <param name="incumbent">A complete assignment to start from (the better it is, the more the fixing removes).</param>
    /// <param name="nodeLimit">Stop after this many nodes.</param>
    /// <param name="workLimit">
    /// Stop once the relaxations solved add up to this much work, counted as huvudmän routed × m² (the cost of one
    /// relaxation per routed huvudman); a deterministic stand-in for a time budget.
    /// </param>
    /// <param name="relaxation">A relaxation to reuse (it holds m² heaps), or null for a new one.</param>
    public BranchAndBound(PlanningModel model, int[] incumbent, long nodeLimit, long workLimit = long.MaxValue, FlowRelaxation? relaxation = null)
    {
        _model = model;
        _nodeLimit = nodeLimit;
        _workLimit = workLimit;
        _m = model.OfficeCount;
        _relaxation = relaxation ?? new FlowRelaxation(model);
        _best = (int[])incumbent.Clone();
        for (var i = 0; i < model.ItemCount; i++)
        {
            if (model.Demand[i] <= 0)
            {
                _best[i] = model.CheapestOffice(i);
            }
        }

        BestValue = model.Evaluate(_best);
        LowerBound = BestValue;
        RootBound = BestValue;
    }

    public int[] Best => _best;

    public LexCost BestValue { get; private set; }

    /// <summary>The relaxation's value over all huvudmän: the plain LP bound, before any branching.</summary>
    public LexCost RootBound { get; private set; }

    /// <summary>A proven lower bound on the optimum (equal to <see cref="BestValue"/> up to tolerance when proven).</summary>
    public LexCost LowerBound { get; private set; }

    public bool Proven { get; private set; }

    public long Nodes { get; private set; }

    /// <summary>Work spent, in the units of the work limit.</summary>
    public long Work { get; private set; }

    /// <summary>How many huvudmän were left to search after root fixing.</summary>
    public int CoreSize { get; private set; }

    /// <summary>Searches every assignment: the exact optimum, or the best found and a bound when a limit stops it.</summary>
    public void Run()
    {
        var positive = Enumerable.Range(0, _model.ItemCount).Where(i => _model.Demand[i] > 0).ToArray();
        var allowed = new bool[positive.Length * _m];
        Array.Fill(allowed, true);
        Run(positive, allowed);
    }

    /// <summary>
    /// Searches only a neighbourhood of the incumbent: the <paramref name="window"/> huvudmän (positive demand) may go to
    /// the offices <paramref name="windowAllowed"/> permits (<c>[position * m + office]</c>); all others stay where the
    /// incumbent has them. Bounds and <see cref="Proven"/> then speak about that neighbourhood only.
    /// </summary>
    public void Run(int[] window, bool[] windowAllowed)
    {
        var inWindow = new bool[_model.ItemCount];
        foreach (var item in window)
        {
            inWindow[item] = true;
        }

        var outsideLoad = new double[_m];
        var outsideCost = 0.0;
        for (var i = 0; i < _model.ItemCount; i++)
        {
            if (!inWindow[i])
            {
                outsideLoad[_best[i]] += _model.Demand[i];
                outsideCost += _model.Cost[(i * _m) + _best[i]];
            }
        }

        _relaxation.Solve(window, window.Length, windowAllowed, outsideLoad);
        Work += (long)window.Length * _m * _m;
        RootBound = _relaxation.Bound + new LexCost(0, outsideCost);
        if (!_model.ClearlyLess(RootBound, BestValue))
        {
            Finish(RootBound);
            return;
        }

        FixAtRoot(window, windowAllowed, outsideLoad, outsideCost);
        Search();
    }

    private void FixAtRoot(int[] window, bool[] windowAllowed, double[] outsideLoad, double outsideCost)
    {
        var core = new List<int>();
        var coreAllowed = new List<bool>();
        _baseLoad = outsideLoad;
        var fixedCost = outsideCost;
        for (var p = 0; p < window.Length; p++)
        {
            var item = window[p];
            var open = 0;
            var last = -1;
            for (var k = 0; k < _m; k++)
            {
                if (windowAllowed[(p * _m) + k] && _model.ClearlyLess(RootBound + _relaxation.ReducedCost(p, k), BestValue))
                {
                    open++;
                    last = k;
                }
            }

            if (open == 1)
            {
                _baseLoad[last] += _model.Demand[item];
                fixedCost += _model.Cost[(item * _m) + last];
                _fixed.Add((item, last));
                continue;
            }

            core.Add(item);
            for (var k = 0; k < _m; k++)
            {
                coreAllowed.Add(windowAllowed[(p * _m) + k] && _model.ClearlyLess(RootBound + _relaxation.ReducedCost(p, k), BestValue));
            }
        }

        _core = core.ToArray();
        _allowed = coreAllowed.ToArray();
        _fixedCost = new LexCost(0, fixedCost);
        CoreSize = _core.Length;
    }

    private void Search()
    {
        // The candidate assignment every node starts from: fixed items at their office, zero-demand ones at the cheapest.
        _scratch = (int[])_best.Clone();
        foreach (var (item, office) in _fixed)
        {
            _scratch[item] = office;
        }

        var stack = new Stack<Frame>();
        stack.Push(new Frame(0, -1, -1, false, RootBound));
        while (stack.Count > 0)
        {
            if (Nodes >= _nodeLimit || Work >= _workLimit)
            {
                var open = BestValue;
                foreach (var frame in stack)
                {
                    if (_model.Less(frame.ParentBound, open))
                    {
                        open = frame.ParentBound;
                    }
                }

                Finish(open);
                return;
            }

            var node = stack.Pop();
            Undo(node.TrailMark);
            if (node.Position >= 0)
            {
                Apply(node);
            }

            Nodes++;
            Work += (long)_core.Length * _m * _m;
            if (!_relaxation.Solve(_core, _core.Length, _allowed, _baseLoad))
            {
                continue;
            }

            var bound = _relaxation.Bound + _fixedCost;
            if (!_model.ClearlyLess(bound, BestValue))
            {
                continue;
            }

            var branch = -1;
            for (var p = 0; p < _core.Length; p++)
            {
                if (_relaxation.IsSplit(p) && (branch < 0 || _model.Demand[_core[p]] > _model.Demand[_core[branch]]))
                {
                    branch = p;
                }
            }

            TryRounding();
            if (branch < 0)
            {
                continue;
            }

            FixAtNode(bound);
            var mark = _trail.Count;
            var office = _relaxation.MainOffice(branch);
            stack.Push(new Frame(mark, branch, office, false, bound));
            stack.Push(new Frame(mark, branch, office, true, bound));
        }

        Finish(BestValue);
    }

    private void Finish(LexCost lowerBound)
    {
        LowerBound = _model.Less(BestValue, lowerBound) ? BestValue : lowerBound;
        Proven = !_model.ClearlyLess(LowerBound, BestValue);
    }

    private void Apply(Frame node)
    {
        var row = node.Position * _m;
        for (var k = 0; k < _m; k++)
        {
            if ((node.Fix ? k != node.Office : k == node.Office) && _allowed[row + k])
            {
                _allowed[row + k] = false;
                _trail.Add(row + k);
            }
        }
    }

    private void Undo(int mark)
    {
        for (var t = _trail.Count - 1; t >= mark; t--)
        {
            _allowed[_trail[t]] = true;
        }

        _trail.RemoveRange(mark, _trail.Count - mark);
    }

    private void FixAtNode(LexCost bound)
    {
        for (var p = 0; p < _core.Length; p++)
        {
            var row = p * _m;
            for (var k = 0; k < _m; k++)
            {
                if (_allowed[row + k] && !_model.ClearlyLess(bound + _relaxation.ReducedCost(p, k), BestValue))
                {
                    _allowed[row + k] = false;
                    _trail.Add(row + k);
                }
            }
        }
    }

    // An integral relaxation is itself the rounding; otherwise the greedy rounding often finds a better incumbent early,
    // which is what makes the fixing and pruning bite. Priced over the core alone (everything else is in the base
    // loads and the fixed cost), so a node costs O(core · m), not O(n); an accepted incumbent is re-evaluated in full.
    private void TryRounding()
    {
        var loads = (double[])_baseLoad.Clone();
        RelaxationRounding.Round(_model, _relaxation, _core, _core.Length, _scratch, loads);
        var value = _fixedCost;
        foreach (var item in _core)
        {
            value += new LexCost(0, _model.Cost[(item * _m) + _scratch[item]]);
        }

        for (var j = 0; j < _m; j++)
        {
            value += _model.OfficeCost(j, loads[j]);
        }

        if (_model.ClearlyLess(value, BestValue))
        {
            var exact = _model.Evaluate(_scratch);
            if (_model.ClearlyLess(exact, BestValue))
            {
                BestValue = exact;
                _best = (int[])_scratch.Clone();
            }
        }
    }

    private readonly record struct Frame(int TrailMark, int Position, int Office, bool Fix, LexCost ParentBound);
}
