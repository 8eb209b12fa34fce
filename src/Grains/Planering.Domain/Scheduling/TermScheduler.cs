using Planering.Domain.Workload;

namespace Planering.Domain.Scheduling;

/// <summary>
/// Schedules one office's term: every huvudman a slot or the reason none fits, on-site dialogues near one another bundled
/// into tours (several a day, over consecutive days, the same two advisors), digital ones in the gaps. Lateness first,
/// travel second. Every slot is decided by <see cref="SlotSearch.Evaluate"/> (the one definition of feasibility) against
/// the office's calendar with the proposal's own dialogues added as they are placed, so a proposal never holds a slot
/// the office would refuse.
/// </summary>
/// <remarks>
/// Construction: huvudmän in due order; a digital one takes its earliest slot; an on-site one seeds a tour of the
/// nearest due on-site huvudmän of its län (chained nearest first, each within <see cref="TermOptions.MaxLegKm"/> of the
/// last), placed on the earliest day and advisor pair where the tour holds at least two stops and the seed is no later
/// (in months) than alone; otherwise it travels alone on its earliest slot. Improvement: a single trip is moved into a
/// tour (re-placed on that tour's day and pair) when that saves km and keeps every stop's month. docs/term-scheduling.md
/// says why this and not a general solver.
/// </remarks>
public sealed class TermScheduler(SlotSearch search, TermOptions? options = null)
{
    private readonly SlotSearch _search = search ?? throw new ArgumentNullException(nameof(search));

    public TermOptions Options { get; } = options ?? TermOptions.Default;

    /// <summary>Whether a huvudman is met on site by default: a stable share of <c>1 - digitalShare</c> of them, by a hash of its id.</summary>
    public static DialogueMode DefaultMode(string huvudmanId, double digitalShare)
    {
        ArgumentNullException.ThrowIfNull(huvudmanId);
        var hash = 2166136261u;
        foreach (var c in huvudmanId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % 10_000 / 10_000.0 < 1 - digitalShare ? DialogueMode.OnSite : DialogueMode.Digital;
    }

    public TermSchedule Schedule(TermRequest request, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var term = Construct(request, progress);

        // Tours take advisor days (and the office's two dialogues a day) in blocks; where that makes a dialogue later
        // than booking one at a time would, booking one at a time and then bundling its trips by the same improvement
        // moves (which never make a stop later in months) is the better proposal (lateness first, then nights, then km).
        var single = OneAtATime(request, improve: true);
        return Better(single, term) ? single : term;
    }

    private static bool Better(TermSchedule a, TermSchedule b) =>
        (a.Totals.Unplaced, a.Totals.MonthsLate, a.Totals.Late).CompareTo((b.Totals.Unplaced, b.Totals.MonthsLate, b.Totals.Late)) is var c && c != 0
            ? c < 0
            : a.Totals.Nights < b.Totals.Nights || (a.Totals.Nights == b.Totals.Nights && a.Totals.Km < b.Totals.Km);

    /// <summary>The construction and improvement alone, without the comparison with booking one at a time.</summary>
    public TermSchedule Construct(TermRequest request, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new Run(this, request);
        var ordered = request.Huvudman.OrderBy(h => h.Due).ThenBy(h => h.Huvudman.Id, StringComparer.Ordinal).ToList();
        var done = 0;
        foreach (var h in ordered)
        {
            if (!run.IsDecided(h.Huvudman.Id))
            {
                if (h.Mode == DialogueMode.OnSite)
                {
                    run.PlaceTourFrom(h, ordered);
                }
                else
                {
                    run.PlaceSingle(h);
                }
            }

            progress?.Invoke(++done, ordered.Count);
        }

        for (var round = 0; round < Options.LocalSearchRounds && run.ImproveOnce(); round++)
        {
        }

        return run.Result();
    }

    /// <summary>The baseline: each huvudman in due order takes its own earliest slot (what booking one at a time gives).</summary>
    /// <param name="improve">Then the improvement pass: single trips joined into tours where that travels less and keeps
    /// every dialogue's month, so the result is never later than booking one at a time.</param>
    public TermSchedule OneAtATime(TermRequest request, bool improve = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new Run(this, request);
        foreach (var h in request.Huvudman.OrderBy(h => h.Due).ThenBy(h => h.Huvudman.Id, StringComparer.Ordinal))
        {
            run.PlaceSingle(h);
        }

        for (var round = 0; improve && round < Options.LocalSearchRounds && run.ImproveOnce(); round++)
        {
        }

        return run.Result();
    }

    /// <summary>The query the term asks of the slot search for one huvudman (the period as the horizon).</summary>
    public static SlotQuery QueryFor(TermRequest request, TermHuvudman h, DateOnly earliest) =>
        new(h.Huvudman, request.Office, [h.Mode], earliest, Math.Max(1, request.To.DayNumber - earliest.DayNumber + 1), request.SpsmParticipation, request.Today);

    /// <summary>The booking a proposed slot becomes in the office's calendar (the same fields the office stores).</summary>
    public static Booking BookingFor(FoundSlot slot, TermHuvudman h, bool spsm, string dialogueId) =>
        new(dialogueId, dialogueId, h.Huvudman.Id, h.Huvudman.Name, slot.OfficeId, slot.Date, slot.StartMinute, slot.EndMinute, slot.Mode,
            slot.AdvisorIds, slot.TravelMinutesOneWay, slot.Effort.DialogueHours, slot.Effort.PreparationHours, spsm, DateTimeOffset.UnixEpoch,
            Trip: slot.Trip);

    private sealed class Run
    {
        private readonly TermScheduler _owner;
        private readonly TermRequest _request;
        private readonly SlotSearch _search;
        private readonly OfficeSchedule _schedule;
        private readonly Dictionary<string, TermPlacement> _placed = new(StringComparer.Ordinal);
        private readonly List<List<string>> _tours = [];
        private readonly DateOnly _firstPossible;
        private readonly OfficeSchedule _empty;
        private readonly Dictionary<string, SlotSearchResult> _unhindered = new(StringComparer.Ordinal);
        private int _sequence;

        public Run(TermScheduler owner, TermRequest request)
        {
            _owner = owner;
            _request = request;
            _search = owner._search;
            // Booked introduction meetings take their advisors' time like dialogues do (one calendar, one check).
            var introductions = request.Introductions ?? [];
            _schedule = new OfficeSchedule(request.Existing, introductions);
            _empty = new OfficeSchedule(request.Existing, introductions);
            var lead = _search.Workload.EarliestDialogueDate(request.Today, _search.WorkingTime);
            _firstPossible = lead > request.From ? lead : request.From;
        }

        public bool IsDecided(string id) => _placed.ContainsKey(id);

        /// <summary>The huvudman's earliest slot on the office's calendar without the proposal: the rules alone.</summary>
        private SlotSearchResult Unhindered(TermHuvudman h)
        {
            if (!_unhindered.TryGetValue(h.Huvudman.Id, out var result))
            {
                _unhindered[h.Huvudman.Id] = result = _search.FindEarliest(QueryFor(_request, h, _request.From), _empty);
            }

            return result;
        }

        /// <param name="earliest">The huvudman's earliest slot already searched on the calendar as it is now, if any.</param>
        public void PlaceSingle(TermHuvudman h, SlotSearchResult? earliest = null)
        {
            // Nothing fits even on the calendar without the proposal: the same search on a fuller one cannot do better.
            var result = Unhindered(h).Slot is null ? Unhindered(h) : earliest ?? _search.FindEarliest(QueryFor(_request, h, _request.From), _schedule);
            if (result.Slot is { } slot)
            {
                Add(h, slot, null);
            }
            else
            {
                var reason = result.Rejections.OrderByDescending(r => r.Days).Select(r => (RejectionCode?)r.Code).FirstOrDefault() ?? RejectionCode.AdvisorsBusy;
                _placed[h.Huvudman.Id] = new TermPlacement(h, null, reason, null, null);
            }
        }

        /// <summary>A tour seeded by <paramref name="seed"/> if one with two stops or more keeps the seed's month; else the seed alone.</summary>
        public void PlaceTourFrom(TermHuvudman seed, IReadOnlyList<TermHuvudman> all)
        {
            var chain = Chain(seed, all);
            if (chain.Count < 2 || Unhindered(seed).Slot is null)
            {
                PlaceSingle(seed);
                return;
            }

            var earliest = _search.FindEarliest(QueryFor(_request, seed, _request.From), _schedule);
            var alone = earliest.Slot;
            // The tour may not make the seed later (in months) than it would be alone: lateness comes before travel.
            var (firstDay, latestDay) = alone is { } a ? (a.Date, LastDayOfMonth(a.Date)) : (_request.From, _request.To);
            var tried = 0;
            for (var day = firstDay; day <= latestDay && tried < _owner.Options.TourStartDays; day = day.AddDays(1))
            {
                // A day the seed cannot start a tour on with any pair is skipped with one search.
                if (!_search.WorkingTime.IsWorkingDay(day)
                    || _search.Evaluate(QueryFor(_request, seed, day), _schedule, day, DialogueMode.OnSite, null, null, TourLeg.First(LegEnd.Home)).Slot is not { } start)
                {
                    continue;
                }

                tried++;
                // A tour of two stops or more needs the second stop's day rules open on the day (on to it the same day) or
                // the next (after a night there): where neither is, no pair can hold one, and the pairs are not tried.
                if (!SecondStopCanOpen(chain[1], day))
                {
                    continue;
                }

                if (BestTourOn(day, chain, start.AdvisorIds) is { Count: >= 2 } tour)
                {
                    if (Pays(tour))
                    {
                        Keep(tour);
                        return;
                    }

                    Unplace(tour);
                    break;
                }
            }

            // Every tour tried was taken out again: the calendar is the one the seed's earliest slot was searched on.
            PlaceSingle(seed, earliest);
        }

        /// <summary>
        /// A necessary condition for <see cref="PlaceChain"/> to place <paramref name="second"/> after a first stop on
        /// <paramref name="day"/>: its day rules (the slot search's own, <see cref="SlotSearch.DayRule"/>) open on the day or,
        /// where the chain may spend a night before it, on the next. The first stop only adds to the caps, so a day they
        /// close now stays closed.
        /// </summary>
        private bool SecondStopCanOpen(TermHuvudman second, DateOnly day) =>
            Open(second, day) || (NeedsNightAlone(second) && day.AddDays(1) <= _request.To && Open(second, day.AddDays(1)));

        private bool Open(TermHuvudman h, DateOnly day) => _search.DayRule(QueryFor(_request, h, day), _schedule, day) is null;

        /// <summary>One improvement: a single on-site trip joins a tour of its län when that saves km and keeps every month.</summary>
        public bool ImproveOnce()
        {
            var improved = false;
            var singles = _placed.Values.Where(p => p.Slot is { Trip: not null } && p.Leg is null).OrderByDescending(p => p.Slot!.Trip!.RoadKm).ToList();
            foreach (var single in singles)
            {
                var lan = Lan(single.Huvudman);
                foreach (var tour in _tours.Where(t => t.Count < _owner.Options.MaxStopsPerTour && Lan(_placed[t[0]].Huvudman) == lan).ToList())
                {
                    var last = _placed[tour[^1]].Huvudman;
                    if (last.Huvudman.Position.DistanceKmTo(single.Huvudman.Huvudman.Position) > _owner.Options.MaxLegKm)
                    {
                        continue;
                    }

                    if (TryExtend(tour, single))
                    {
                        improved = true;
                        break;
                    }
                }
            }

            // Two single trips near each other become one tour, on either one's day with either one's pair: the
            // construction only chains a seed with huvudmän not yet decided, so two that were decided apart never met.
            singles = _placed.Values.Where(p => p.Slot is { Trip: not null } && p.Leg is null).OrderByDescending(p => p.Slot!.Trip!.RoadKm).ToList();
            foreach (var a in singles)
            {
                // The nearest few first, as the construction chains them: a farther one rarely saves more.
                var at = a.Huvudman.Huvudman.Position;
                foreach (var b in singles.Where(b => b != a && Lan(b.Huvudman) == Lan(a.Huvudman) && at.DistanceKmTo(b.Huvudman.Huvudman.Position) <= _owner.Options.MaxLegKm)
                    .OrderBy(b => at.DistanceKmTo(b.Huvudman.Huvudman.Position)).Take(_owner.Options.MaxStopsPerTour))
                {
                    if (_placed[a.Huvudman.Huvudman.Id].Leg is null && _placed[b.Huvudman.Huvudman.Id].Leg is null
                        && TryPair(_placed[a.Huvudman.Huvudman.Id], _placed[b.Huvudman.Huvudman.Id]))
                    {
                        improved = true;
                        break;
                    }
                }
            }

            return improved;
        }

        private static int LateOn(TermPlacement p, DateOnly day) => Math.Max(0, TermPlacement.MonthIndex(day) - TermPlacement.MonthIndex(p.Huvudman.Due));

        /// <summary>
        /// Two single trips as one tour of two stops, kept when it travels less (fewer nights, or as many and fewer km)
        /// and neither stop is later in months; otherwise both go back where they were.
        /// </summary>
        private bool TryPair(TermPlacement a, TermPlacement b)
        {
            var (kmBefore, nightsBefore) = (a.Slot!.Trip!.RoadKm + b.Slot!.Trip!.RoadKm, a.Slot.Trip.Nights + b.Slot.Trip.Nights);
            _schedule.Remove(DialogueId(a.Huvudman));
            _schedule.Remove(DialogueId(b.Huvudman));
            foreach (var (first, second) in new[] { (a, b), (b, a) })
            {
                foreach (var day in new[] { a.Slot.Date, b.Slot.Date }.Distinct())
                {
                    // Neither may become later in months; then the slot search's day rules: a day either stop cannot open
                    // on is not tried pair by pair.
                    if (LateOn(first, day) > first.MonthsLate || LateOn(second, day) > second.MonthsLate
                        || !Open(first.Huvudman, day) || !SecondStopCanOpen(second.Huvudman, day))
                    {
                        continue;
                    }

                    foreach (var pair in new[] { first.Slot!.AdvisorIds, second.Slot!.AdvisorIds }.DistinctBy(p => string.Join(',', p)))
                    {
                        var tour = PlaceChain(day, pair, [first.Huvudman, second.Huvudman]);
                        if (tour.Count == 2 && tour.All(p => p.MonthsLate <= (p.Huvudman == a.Huvudman ? a : b).MonthsLate)
                            && (tour.Sum(p => p.Slot!.Trip!.Nights) is var nights && (nights < nightsBefore
                                || (nights == nightsBefore && tour.Sum(p => p.Slot!.Trip!.RoadKm) < kmBefore - 0.5))))
                        {
                            _tours.Add(tour.Select(p => p.Huvudman.Huvudman.Id).ToList());
                            foreach (var p in tour)
                            {
                                // Decided after every other slot now: it books last.
                                _placed[p.Huvudman.Huvudman.Id] = p with { Trip = null, Sequence = ++_sequence };
                            }

                            return true;
                        }

                        Unplace(tour);
                    }
                }
            }

            _schedule.Add(BookingFor(a.Slot, a.Huvudman, _request.SpsmParticipation, DialogueId(a.Huvudman)));
            _schedule.Add(BookingFor(b.Slot, b.Huvudman, _request.SpsmParticipation, DialogueId(b.Huvudman)));
            return false;
        }

        private bool TryExtend(List<string> tour, TermPlacement single)
        {
            var before = tour.Select(id => _placed[id]).ToList();
            var kmBefore = before.Sum(p => p.Slot!.Trip!.RoadKm) + single.Slot!.Trip!.RoadKm;
            foreach (var p in before.Append(single))
            {
                _schedule.Remove(DialogueId(p.Huvudman));
            }

            var chain = before.Select(p => p.Huvudman).Append(single.Huvudman).ToList();
            var first = before[0].Slot!;
            var day = first.Date;
            var placedTour = PlaceChain(day, first.AdvisorIds, chain);
            if (placedTour.Count == chain.Count && placedTour.Sum(p => p.Slot!.Trip!.RoadKm) < kmBefore - 0.5
                && placedTour.All(p => p.MonthsLate <= Previous(p).MonthsLate))
            {
                tour.Add(single.Huvudman.Huvudman.Id);
                foreach (var p in placedTour)
                {
                    // Decided after every other slot now: it books last.
                    _placed[p.Huvudman.Huvudman.Id] = p with { Trip = null, Sequence = ++_sequence };
                }

                return true;
            }

            foreach (var p in placedTour)
            {
                _schedule.Remove(DialogueId(p.Huvudman));
            }

            foreach (var p in before.Append(single))
            {
                _schedule.Add(BookingFor(p.Slot!, p.Huvudman, _request.SpsmParticipation, DialogueId(p.Huvudman)));
            }

            return false;

            TermPlacement Previous(TermPlacement p) => p.Huvudman.Huvudman.Id == single.Huvudman.Huvudman.Id ? single : _placed[p.Huvudman.Huvudman.Id];
        }

        /// <summary>
        /// A tour is kept when it travels less than its stops' trips alone, as the term is judged (<see cref="Better"/>):
        /// fewer nights away, or as many and fewer km. A night saved is worth more than the km of a detour.
        /// </summary>
        private bool Pays(List<TermPlacement> tour)
        {
            var alone = tour.Select(p => AlonePlan(p.Huvudman)).ToList();
            var (nights, nightsAlone) = (tour.Sum(p => p.Slot!.Trip!.Nights), alone.Sum(a => a.Nights));
            return nights < nightsAlone || (nights == nightsAlone && tour.Sum(p => p.Slot!.Trip!.RoadKm) < alone.Sum(a => a.RoadKmRoundTrip));
        }

        /// <summary>The seed and the nearest due on-site huvudmän of its län, chained nearest first.</summary>
        private List<TermHuvudman> Chain(TermHuvudman seed, IReadOnlyList<TermHuvudman> all)
        {
            var lan = Lan(seed);
            var dueBy = Max(seed.Due, _firstPossible).AddDays(_owner.Options.DueWindowDays);
            var candidates = all.Where(h => h.Mode == DialogueMode.OnSite && h != seed && !IsDecided(h.Huvudman.Id) && Lan(h) == lan && h.Due <= dueBy).ToList();
            var chain = new List<TermHuvudman> { seed };
            while (chain.Count < _owner.Options.MaxStopsPerTour)
            {
                var at = chain[^1].Huvudman.Position;
                var next = candidates.Where(c => at.DistanceKmTo(c.Huvudman.Position) <= _owner.Options.MaxLegKm).MinBy(c => at.DistanceKmTo(c.Huvudman.Position));
                if (next is null)
                {
                    break;
                }

                chain.Add(next);
                candidates.Remove(next);
            }

            return chain;
        }

        /// <summary>The longest prefix of the chain any pair of advisors present on the day can hold, starting that day.</summary>
        private List<TermPlacement>? BestTourOn(DateOnly day, List<TermHuvudman> chain, IReadOnlyList<string> firstPair)
        {
            // The team the slot search would pick first, then every other team of that size present on the day.
            var present = _request.Office.Advisors.Where(a => a.IsOnDuty(day)).Select(a => a.AdvisorId).Order(StringComparer.Ordinal).ToList();
            var pairs = new List<IReadOnlyList<string>> { firstPair };
            pairs.AddRange(Combinations(present, firstPair.Count).Where(t => !t.SequenceEqual(firstPair)));

            List<TermPlacement>? best = null;
            foreach (var pair in pairs)
            {
                {
                    var tour = PlaceChain(day, pair, chain);
                    // The first pair that holds the whole chain, or (measured: trying every pair costs more than it
                    // saves) the first that holds two stops or more.
                    if (tour.Count == chain.Count || tour.Count >= 2)
                    {
                        return tour;
                    }

                    // The calendar goes back to how it was for the next pair; the best tour is put back at the end.
                    Unplace(tour);
                    if (tour.Count > (best?.Count ?? 0))
                    {
                        best = tour;
                    }
                }
            }

            if (best is { Count: >= 2 })
            {
                Replace(best);
                return best;
            }

            return null;
        }

        /// <summary>
        /// Places the chain's stops in order from <paramref name="day"/> with fixed advisors, each stop the same day as the
        /// one before when it fits, else the next day (a night there), until one does not fit. The stops placed are in the
        /// working calendar when this returns.
        /// </summary>
        private List<TermPlacement> PlaceChain(DateOnly day, IReadOnlyList<string> advisors, List<TermHuvudman> chain)
        {
            var placed = new List<TermPlacement>();
            var nights = 0;
            var first = chain[0];
            var (pending, pendingLeg) = Try(first, day, TourLeg.First(LegEnd.Home), advisors);
            if (pending is null)
            {
                return placed;
            }

            var pendingH = first;
            for (var k = 1; k < chain.Count; k++)
            {
                var next = chain[k];
                var advanced = false;
                foreach (var end in Ends)
                {
                    // A night on the way only where the next stop would spend one anyway (it needs a night alone).
                    if (end == LegEnd.StayOver && !NeedsNightAlone(next))
                    {
                        continue;
                    }

                    var (closing, closingLeg) = Try(pendingH, pending!.Date, pendingLeg! with { End = end }, advisors, pending.StartMinute);
                    if (closing is null)
                    {
                        continue;
                    }

                    var closingNights = closing.Trip!.Nights;
                    _schedule.Add(BookingFor(closing, pendingH, _request.SpsmParticipation, DialogueId(pendingH)));
                    var nextDay = end == LegEnd.ContinueToday ? closing.Date : closing.Date.AddDays(1);
                    var leg = new TourLeg(pendingH.Huvudman.Position, pendingH.Huvudman.Kommunkod, end == LegEnd.ContinueToday ? closing.EndMinute : null,
                        LegEnd.Home, nights + closingNights);
                    var (slot, slotLeg) = Try(next, nextDay, leg, advisors);
                    if (slot is null)
                    {
                        _schedule.Remove(DialogueId(pendingH));
                        continue;
                    }

                    placed.Add(new TermPlacement(pendingH, closing, null, null, closingLeg));
                    nights += closingNights;
                    (pending, pendingLeg, pendingH) = (slot, slotLeg, next);
                    advanced = true;
                    break;
                }

                if (!advanced)
                {
                    break;
                }
            }

            _schedule.Add(BookingFor(pending!, pendingH, _request.SpsmParticipation, DialogueId(pendingH)));
            placed.Add(new TermPlacement(pendingH, pending, null, null, pendingLeg));
            return placed;
        }

        private (FoundSlot? Slot, TourLeg? Leg) Try(TermHuvudman h, DateOnly day, TourLeg leg, IReadOnlyList<string> advisors, int? start = null)
        {
            if (day > _request.To)
            {
                return (null, null);
            }

            var (slot, _) = _search.Evaluate(QueryFor(_request, h, day), _schedule, day, DialogueMode.OnSite, advisors, start, leg);
            return (slot, slot is null ? null : leg);
        }

        private void Keep(List<TermPlacement> tour)
        {
            _tours.Add(tour.Select(p => p.Huvudman.Huvudman.Id).ToList());
            foreach (var p in tour)
            {
                _placed[p.Huvudman.Huvudman.Id] = p with { Sequence = ++_sequence };
            }
        }

        private void Unplace(List<TermPlacement> tour)
        {
            foreach (var p in tour)
            {
                _schedule.Remove(DialogueId(p.Huvudman));
            }
        }

        private void Replace(List<TermPlacement> tour)
        {
            foreach (var p in tour)
            {
                _schedule.Add(BookingFor(p.Slot!, p.Huvudman, _request.SpsmParticipation, DialogueId(p.Huvudman)));
            }
        }

        private void Add(TermHuvudman h, FoundSlot slot, TourLeg? leg)
        {
            _schedule.Add(BookingFor(slot, h, _request.SpsmParticipation, DialogueId(h)));
            _placed[h.Huvudman.Id] = new TermPlacement(h, slot, null, null, leg, ++_sequence);
        }

        public TermSchedule Result()
        {
            var placements = _request.Huvudman
                .Select(h => _placed.TryGetValue(h.Huvudman.Id, out var p) ? p : new TermPlacement(h, null, RejectionCode.AdvisorsBusy, null, null))
                .OrderBy(p => p.Sequence == 0 ? int.MaxValue : p.Sequence)
                .Select((p, i) => p.Slot is null ? p with { Sequence = 0 } : p with { Sequence = i + 1 })
                .ToList();
            var byId = placements.ToDictionary(p => p.Huvudman.Huvudman.Id, StringComparer.Ordinal);
            var trips = new List<TermTrip>();
            var inTour = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tour in _tours)
            {
                AddTrip(tour.Select(id => byId[id]).ToList());
                inTour.UnionWith(tour);
            }

            foreach (var p in placements.Where(p => p.Slot?.Trip is not null && !inTour.Contains(p.Huvudman.Huvudman.Id)).OrderBy(p => p.Slot!.Date))
            {
                AddTrip([p]);
            }

            var withTrip = trips.SelectMany(t => t.HuvudmanIds.Select(id => (id, t.Number))).ToDictionary(x => x.id, x => x.Number, StringComparer.Ordinal);
            placements = placements.Select(p => p with { Trip = withTrip.TryGetValue(p.Huvudman.Huvudman.Id, out var n) ? n : null }).ToList();
            var placed = placements.Where(p => p.Slot is not null).ToList();
            var totals = new TermTotals(
                placements.Count, placed.Count, placements.Count - placed.Count, placed.Count(p => p.MonthsLate > 0), placed.Sum(p => p.MonthsLate),
                trips.Sum(t => t.Km), trips.Sum(t => t.TravelMinutes) / 60.0, trips.Sum(t => t.Nights), trips.Count, trips.Count(t => t.HuvudmanIds.Count > 1));
            return new TermSchedule(_request.Office.Id, placements, trips, totals, Bound(placed));

            void AddTrip(List<TermPlacement> stops)
            {
                var first = stops[0].Slot!;
                var last = stops[^1].Slot!;
                trips.Add(new TermTrip(
                    trips.Count + 1, first.AdvisorIds, first.Trip!.OutDate, last.Trip!.BackDate,
                    stops.Sum(s => s.Slot!.Trip!.Nights), stops.Sum(s => s.Slot!.Trip!.RoadKm), stops.Sum(s => s.Slot!.Trip!.TravelMinutes),
                    stops.Select(s => s.Huvudman.Huvudman.Id).ToList()));
            }
        }

        /// <summary>See <see cref="TermBound"/>: each on-site stop's cheapest way in (from the office or any other stop), plus the cheapest way home.</summary>
        private TermBound Bound(IReadOnlyList<TermPlacement> placed)
        {
            // On an empty calendar only the rules every schedule meets alike (working days, holidays, lov, lead time,
            // cycle, blocked dates, travel) decide: a huvudman whose earliest slot there is after its due month is late in
            // any schedule, since more bookings only take slots away.
            var late = _request.Huvudman.Count(h => Unhindered(h).Slot is { } s && TermPlacement.MonthIndex(s.Date) > TermPlacement.MonthIndex(h.Due));
            var stops = placed.Where(p => p.Slot!.Mode == DialogueMode.OnSite).Select(p => p.Huvudman.Huvudman).ToList();
            if (stops.Count == 0)
            {
                return new TermBound(late, 0);
            }

            var trips = _search.Workload.Trips;
            var office = _request.Office.Position;
            var km = 0.0;
            var home = double.MaxValue;
            foreach (var s in stops)
            {
                var (outLeg, backLeg) = trips.Legs(office, s.Position, s.Kommunkod);
                home = Math.Min(home, backLeg.RoadKm);
                var cheapest = outLeg.RoadKm;
                foreach (var other in stops)
                {
                    if (!ReferenceEquals(other, s) && other.Position.DistanceKmTo(s.Position) * trips.Options.RoadFactor < cheapest)
                    {
                        cheapest = Math.Min(cheapest, trips.Legs(other.Position, s.Position, s.Kommunkod).Out.RoadKm);
                    }
                }

                km += cheapest;
            }

            return new TermBound(late, km + home);
        }

        private static readonly LegEnd[] Ends = [LegEnd.ContinueToday, LegEnd.StayOver];

        private static IEnumerable<IReadOnlyList<string>> Combinations(List<string> items, int size)
        {
            if (size == 0)
            {
                yield return [];
                yield break;
            }

            for (var i = 0; i <= items.Count - size; i++)
            {
                foreach (var rest in Combinations(items.Skip(i + 1).ToList(), size - 1))
                {
                    yield return [items[i], .. rest];
                }
            }
        }

        private readonly Dictionary<string, Travel.TripPlan> _alone = new(StringComparer.Ordinal);

        /// <summary>How the huvudman's trip alone from the office goes (the trip planner's shape, km and nights).</summary>
        private Travel.TripPlan AlonePlan(TermHuvudman h)
        {
            if (!_alone.TryGetValue(h.Huvudman.Id, out var plan))
            {
                var length = (int)Math.Round(_search.Workload.Estimate(h.Huvudman.Pupils, DialogueMode.OnSite, 0, _request.SpsmParticipation).DialogueHours * 60);
                _alone[h.Huvudman.Id] = plan = _search.Workload.Trips.Plan(_request.Office.Position, h.Huvudman.Position, h.Huvudman.Kommunkod, length, _search.WorkingTime.Hours);
            }

            return plan;
        }

        private bool NeedsNightAlone(TermHuvudman h) => AlonePlan(h) is { } plan && (plan.Nights > 0 || plan.Shape == Travel.TripShape.Unreachable);

        private static string DialogueId(TermHuvudman h) => "term-" + h.Huvudman.Id;

        private static string Lan(TermHuvudman h) => h.Huvudman.Kommunkod.Length >= 2 ? h.Huvudman.Kommunkod[..2] : h.Huvudman.Kommunkod;

        private static DateOnly FirstDayOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

        private static DateOnly LastDayOfMonth(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
