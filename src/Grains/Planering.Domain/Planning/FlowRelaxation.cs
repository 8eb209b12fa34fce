namespace Planering.Domain.Planning;

/// <summary>
/// The LP relaxation of the assignment problem (huvudmän may be split between offices), solved exactly as a min-cost
/// flow by successive shortest paths; it gives a fractional optimum, a lower bound, and dual prices for reduced-cost
/// fixing.
/// </summary>
/// <remarks>
/// <para>The network: each item i is a source of d_i hours with arcs to its allowed offices at c_ij / d_i per hour; each
/// office drains into one sink through three segments of its convex office cost: up to min(T_j, C_j), up to
/// max(T_j, C_j), and beyond, priced (overload, cost) per hour by the objective. Overload is a lexicographic first
/// component, so "more overload" is always dearer than any cost, exactly as in the integer objective.</para>
/// <para>Why it is fast with few offices: items are added one at a time, and the shortest path from a new item never
/// needs the item nodes themselves. A detour "j → item q → k" (move some of q's hours from office j to k) costs
/// (c_qk − c_qj) / d_q per hour, so the residual graph contracts to m offices plus the sink, with the arc j → k priced
/// by the cheapest item at j — kept in one lazy heap per ordered office pair. Each path is then a dense Dijkstra on
/// m + 1 nodes with node potentials (Johnson), O(m²), and the whole relaxation costs about O(n·m² + n·m·log n). Loads
/// only grow, so a segment fills at most once.</para>
/// <para>After <see cref="Solve"/>, the office potentials are optimal duals: every residual arc has a non-negative
/// reduced cost. So moving all of item i to office k costs at least <see cref="ReducedCost"/> more than the bound.</para>
/// </remarks>
internal sealed class FlowRelaxation
{
    private const int Unreached = -1;
    private const int LastSegment = 2;

    // Hours below this share of an item's demand are rounding dust from repeated augmentations, not a real split.
    private const double DustShare = 1e-12;

    private readonly PlanningModel _model;
    private readonly int _m;
    private readonly int _sink;
    private readonly ArcHeap[] _heaps;
    private readonly LexCost[] _potential;
    private readonly LexCost[] _distance;
    private readonly int[] _predecessor;
    private readonly int[] _predecessorItem;
    private readonly bool[] _done;
    private readonly double[] _load;
    private readonly double[] _base;
    private readonly int[] _segment;
    private readonly double[] _loadDust;
    private readonly List<(int From, int To, int Item)> _path = [];
    private readonly int[] _active;
    private readonly double[] _topKey;
    private readonly int[] _topItem;
    private readonly bool[] _rowStale;
    private int _activeCount;
    private double[] _hours = [];
    private int[] _generation = [];
    private int[] _items = [];
    private bool[] _allowed = [];
    private int _count;

    public FlowRelaxation(PlanningModel model)
    {
        _model = model;
        _m = model.OfficeCount;
        _sink = _m;
        _heaps = new ArcHeap[_m * _m];
        for (var k = 0; k < _heaps.Length; k++)
        {
            _heaps[k] = new ArcHeap();
        }

        _potential = new LexCost[_m + 1];
        _distance = new LexCost[_m + 1];
        _predecessor = new int[_m + 1];
        _predecessorItem = new int[_m + 1];
        _done = new bool[_m + 1];
        _load = new double[_m];
        _base = new double[_m];
        _segment = new int[_m];
        _loadDust = new double[_m];
        _active = new int[_m];
        _topKey = new double[_m * _m];
        _topItem = new int[_m * _m];
        _rowStale = new bool[_m];
        for (var j = 0; j < _m; j++)
        {
            _loadDust[j] = 1e-12 * Math.Max(model.Capacity[j], model.Target[j]);
        }
    }

    /// <summary>The relaxation's value: fractional item costs plus the office costs at the final loads (base included).</summary>
    public LexCost Bound { get; private set; }

    /// <summary>Augmenting paths used by the last solve; a measure of work.</summary>
    public long Augmentations { get; private set; }

    /// <summary>
    /// Solves the relaxation for <paramref name="count"/> items (model indices in <paramref name="items"/>), each allowed
    /// only at offices where <c>allowed[position * m + office]</c>, on top of <paramref name="baseLoad"/> hours already
    /// fixed at each office. Items must have positive demand. Returns false when some item has no allowed office.
    /// </summary>
    public bool Solve(int[] items, int count, bool[] allowed, double[] baseLoad)
    {
        _items = items;
        _count = count;
        _allowed = allowed;
        if (_hours.Length < count * _m)
        {
            _hours = new double[count * _m];
            _generation = new int[count * _m];
        }

        Array.Clear(_hours, 0, count * _m);
        Array.Clear(_generation, 0, count * _m);

        // Only offices some item may use take part in the shortest paths: a window over 2 of 50 offices then costs
        // O(2²) per path, not O(50²). Heaps of other pairs may hold stale entries from an earlier solve; they are
        // never read.
        _activeCount = 0;
        for (var j = 0; j < _m; j++)
        {
            for (var p = 0; p < count; p++)
            {
                if (allowed[(p * _m) + j])
                {
                    _active[_activeCount++] = j;
                    break;
                }
            }
        }

        for (var a = 0; a < _activeCount; a++)
        {
            _rowStale[_active[a]] = true;
            for (var b = 0; b < _activeCount; b++)
            {
                _heaps[(_active[a] * _m) + _active[b]].Clear();
            }
        }

        Array.Clear(_potential);
        for (var j = 0; j < _m; j++)
        {
            _base[j] = baseLoad[j];
            _load[j] = baseLoad[j];
            _segment[j] = 0;
            SkipFullSegments(j);
        }

        Augmentations = 0;
        for (var p = 0; p < count; p++)
        {
            var demand = _model.Demand[items[p]];
            var remaining = demand;
            while (remaining > DustShare * demand)
            {
                if (!ShortestPath(p))
                {
                    Bound = LexCost.PositiveInfinity;
                    return false;
                }

                remaining -= Augment(p, remaining);
                Augmentations++;
            }
        }

        Bound = ComputeBound();
        return true;
    }

    public double Hours(int position, int office) => _hours[(position * _m) + office];

    public double Load(int office) => _load[office];

    /// <summary>The office holding most of the item's hours (ties by office id).</summary>
    public int MainOffice(int position)
    {
        var best = 0;
        for (var j = 1; j < _m; j++)
        {
            if (_hours[(position * _m) + j] > _hours[(position * _m) + best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>True when the item's hours are spread over more than one office.</summary>
    public bool IsSplit(int position)
    {
        var demand = _model.Demand[_items[position]];
        var offices = 0;
        for (var j = 0; j < _m; j++)
        {
            if (_hours[(position * _m) + j] > 1e-9 * demand)
            {
                offices++;
            }
        }

        return offices > 1;
    }

    /// <summary>
    /// A lower bound on how much the objective rises above <see cref="Bound"/> if the whole item goes to
    /// <paramref name="office"/>: d_i times the reduced cost of that arc under the optimal office potentials.
    /// </summary>
    public LexCost ReducedCost(int position, int office)
    {
        var item = _items[position];
        var demand = _model.Demand[item];
        var row = item * _m;
        // The item's own potential: every office it uses has reduced cost 0, so each gives the same value up to rounding;
        // taking the largest keeps the bound on the safe (smaller) side.
        var own = new LexCost(double.NegativeInfinity, double.NegativeInfinity);
        for (var j = 0; j < _m; j++)
        {
            if (_hours[(position * _m) + j] > 0)
            {
                var value = new LexCost(-_potential[j].Overload, (_model.Cost[row + j] / demand) - _potential[j].Cost);
                if (LexCost.Less(own, value))
                {
                    own = value;
                }
            }
        }

        var target = new LexCost(-_potential[office].Overload, (_model.Cost[row + office] / demand) - _potential[office].Cost);
        var reduced = target - own;
        return LexCost.Less(reduced, LexCost.Zero) ? LexCost.Zero : demand * reduced;
    }

    private static double SegmentEnd(double lower, double upper, int segment) =>
        segment == 0 ? lower : segment == 1 ? upper : double.PositiveInfinity;

    private double Lower(int office) => Math.Min(_model.Capacity[office], _model.Target[office]);

    private double Upper(int office) => Math.Max(_model.Capacity[office], _model.Target[office]);

    private double End(int office, int segment) => SegmentEnd(Lower(office), Upper(office), segment);

    private double Start(int office, int segment) =>
        segment == 0 ? double.NegativeInfinity : SegmentEnd(Lower(office), Upper(office), segment - 1);

    // Per-hour price of a segment: the objective's marginal (overload, cost) at the segment's start.
    private LexCost SegmentCost(int office, int segment)
    {
        if (segment == 0)
        {
            return LexCost.Zero;
        }

        var start = Start(office, segment);
        return new LexCost(
            start >= _model.Capacity[office] ? 1 : 0,
            start >= _model.Target[office] ? _model.BalancePenalty : 0);
    }

    private void SkipFullSegments(int office)
    {
        while (_segment[office] < LastSegment && _load[office] >= End(office, _segment[office]) - _loadDust[office])
        {
            _segment[office]++;
        }
    }

    private bool ShortestPath(int position)
    {
        var item = _items[position];
        var demand = _model.Demand[item];
        var row = item * _m;
        for (var v = 0; v <= _m; v++)
        {
            _distance[v] = LexCost.PositiveInfinity;
            _done[v] = v < _m;
            _predecessor[v] = Unreached;
            _predecessorItem[v] = Unreached;
        }

        for (var a = 0; a < _activeCount; a++)
        {
            _done[_active[a]] = false;
        }

        // Multi-source start: the item's own arcs, in reduced terms (the item's potential is 0).
        for (var a = 0; a < _activeCount; a++)
        {
            var j = _active[a];
            if (_allowed[(position * _m) + j])
            {
                _distance[j] = new LexCost(-_potential[j].Overload, (_model.Cost[row + j] / demand) - _potential[j].Cost);
            }
        }

        while (true)
        {
            var v = -1;
            for (var a = 0; a <= _activeCount; a++)
            {
                var u = a < _activeCount ? _active[a] : _sink;
                if (!_done[u] && _distance[u].IsFinite && (v < 0 || LexCost.Less(_distance[u], _distance[v])))
                {
                    v = u;
                }
            }

            if (v < 0)
            {
                break;
            }

            _done[v] = true;
            if (v < _m)
            {
                RelaxFromOffice(v);
            }
            else
            {
                RelaxFromSink();
            }
        }

        if (!_done[_sink])
        {
            return false;
        }

        // Johnson: new potentials are the shortest distances, so every residual arc keeps a non-negative reduced cost.
        var farthest = LexCost.Zero;
        for (var a = 0; a <= _activeCount; a++)
        {
            var v = a < _activeCount ? _active[a] : _sink;
            if (_done[v] && _distance[v].IsFinite && LexCost.Less(farthest, _distance[v]))
            {
                farthest = _distance[v];
            }
        }

        for (var a = 0; a <= _activeCount; a++)
        {
            var v = a < _activeCount ? _active[a] : _sink;
            _potential[v] += _done[v] && _distance[v].IsFinite ? _distance[v] : farthest;
        }

        return true;
    }

    private void RelaxFromOffice(int office)
    {
        if (_rowStale[office])
        {
            RefreshRow(office);
        }

        var here = _distance[office] + _potential[office];
        var row = office * _m;
        for (var a = 0; a < _activeCount; a++)
        {
            var k = _active[a];
            var key = _topKey[row + k];
            if (k == office || _done[k] || double.IsPositiveInfinity(key))
            {
                continue;
            }

            var movedItem = _topItem[row + k];
            var candidate = new LexCost(here.Overload - _potential[k].Overload, here.Cost + key - _potential[k].Cost);
            if (LexCost.Less(candidate, _distance[k]))
            {
                _distance[k] = candidate;
                _predecessor[k] = office;
                _predecessorItem[k] = movedItem;
            }
        }

        if (!_done[_sink])
        {
            var candidate = here + SegmentCost(office, _segment[office]) - _potential[_sink];
            if (LexCost.Less(candidate, _distance[_sink]))
            {
                _distance[_sink] = candidate;
                _predecessor[_sink] = office;
                _predecessorItem[_sink] = Unreached;
            }
        }
    }

    // Backward arcs sink → office (unload an office): never on an augmenting path, which ends at the sink, but part of
    // the residual graph, so the potentials must price them too or the duals would not certify optimality.
    private void RelaxFromSink()
    {
        var here = _distance[_sink] + _potential[_sink];
        for (var a = 0; a < _activeCount; a++)
        {
            var k = _active[a];
            if (_done[k] || _load[k] <= _base[k] + _loadDust[k])
            {
                continue;
            }

            // The hour just below the load; skip segments of zero width (T_j = C_j), which hold no hour to give back.
            var segment = _segment[k];
            while (segment > 0 && Start(k, segment) >= _load[k] - _loadDust[k])
            {
                segment--;
            }

            var candidate = here - SegmentCost(k, segment) - _potential[k];
            if (LexCost.Less(candidate, _distance[k]))
            {
                _distance[k] = candidate;
                _predecessor[k] = _sink;
                _predecessorItem[k] = Unreached;
            }
        }
    }

    // The cheapest move out of each office is cached per row, so the O(m²) inner loop of every shortest path reads a
    // flat array; a row is re-read from its heaps only after some item has left that office.
    private void RefreshRow(int office)
    {
        for (var a = 0; a < _activeCount; a++)
        {
            var k = _active[a];
            if (k == office)
            {
                continue;
            }

            _topKey[(office * _m) + k] = TryCheapestMove(office, k, out var key, out var item) ? key : double.PositiveInfinity;
            _topItem[(office * _m) + k] = item;
        }

        _rowStale[office] = false;
    }

    private bool TryCheapestMove(int from, int to, out double key, out int item)
    {
        var heap = _heaps[(from * _m) + to];
        while (heap.Count > 0)
        {
            var at = (heap.TopItem * _m) + from;
            if (_hours[at] > 0 && _generation[at] == heap.TopGeneration)
            {
                key = heap.TopKey;
                item = heap.TopItem;
                return true;
            }

            heap.Pop();
        }

        key = 0;
        item = Unreached;
        return false;
    }

    private double Augment(int position, double remaining)
    {
        var last = _predecessor[_sink];
        var amount = Math.Min(remaining, End(last, _segment[last]) - _load[last]);
        _path.Clear();
        var v = last;
        while (_predecessor[v] != Unreached)
        {
            var from = _predecessor[v];
            if (from == _sink)
            {
                throw new InvalidOperationException("an augmenting path passed through the sink");
            }

            var item = _predecessorItem[v];
            amount = Math.Min(amount, _hours[(item * _m) + from]);
            _path.Add((from, v, item));
            v = from;
        }

        AddHours(position, v, amount);
        for (var k = _path.Count - 1; k >= 0; k--)
        {
            var (from, to, item) = _path[k];
            var at = (item * _m) + from;
            _hours[at] -= amount;
            if (_hours[at] <= DustShare * _model.Demand[_items[item]])
            {
                _hours[at] = 0;
                _rowStale[from] = true;
            }

            AddHours(item, to, amount);
        }

        var end = End(last, _segment[last]);
        _load[last] += amount;
        if (_load[last] >= end - _loadDust[last])
        {
            _load[last] = Math.Max(_load[last], end);
            SkipFullSegments(last);
        }

        return amount;
    }

    private void AddHours(int position, int office, double amount)
    {
        var at = (position * _m) + office;
        if (_hours[at] <= 0)
        {
            // The item arrives at this office: it becomes a way to move demand from here to each other allowed office.
            _generation[at]++;
            var item = _items[position];
            var row = item * _m;
            var demand = _model.Demand[item];
            for (var k = 0; k < _m; k++)
            {
                if (k != office && _allowed[(position * _m) + k])
                {
                    var key = (_model.Cost[row + k] - _model.Cost[row + office]) / demand;
                    _heaps[(office * _m) + k].Push(key, position, _generation[at]);
                    var cached = (office * _m) + k;
                    if (!_rowStale[office] && (key < _topKey[cached] || (key == _topKey[cached] && position < _topItem[cached])))
                    {
                        _topKey[cached] = key;
                        _topItem[cached] = position;
                    }
                }
            }
        }

        _hours[at] += amount;
    }

    private LexCost ComputeBound()
    {
        var cost = 0.0;
        for (var p = 0; p < _count; p++)
        {
            var item = _items[p];
            var row = item * _m;
            var demand = _model.Demand[item];
            for (var j = 0; j < _m; j++)
            {
                var hours = _hours[(p * _m) + j];
                if (hours > 0)
                {
                    cost += hours * _model.Cost[row + j] / demand;
                }
            }
        }

        var bound = new LexCost(0, cost);
        for (var j = 0; j < _m; j++)
        {
            bound += _model.OfficeCost(j, _load[j]);
        }

        return bound;
    }
}
