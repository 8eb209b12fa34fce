using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace Planering.Domain.Forecasting;

/// <summary>
/// Runs single paths of one office: samples staff absence, sickness, cancellations and durations in aggregate, serves the
/// queue FIFO month by month and decides coverage. One instance per worker thread; it allocates nothing per path.
/// </summary>
internal sealed class PathSimulator
{
    // Relative slack when comparing served with queued hours, so that exact hand-sized cases are not lost to rounding.
    private const double Slack = 1e-9;

    /// <summary>Sets the answers' stream apart from the path's main stream (any constant other than 0 would do).</summary>
    private const ulong AnswersStream = 0x5A3C_96E1_0F7D_2B48UL;

    private readonly OfficePlan _plan;
    private readonly ForecastParameters _parameters;
    private readonly StaffAbsence _absence;
    private readonly long _seed;
    private readonly OfficeSamples _samples;
    private readonly PathRandom _random = new();

    // The answers have a stream of their own: how many huvudmän an office has (the plan moves them between offices)
    // then never shifts the draws of its capacity, absences or durations.
    private readonly PathRandom _answers = new();
    private readonly InverseCdfTable? _sickness;
    private readonly InverseCdfTable _normal = InverseCdfTable.StandardNormal;
    private readonly double _durationVariance;
    private readonly double[] _away;
    private readonly double[] _cancelledHours;
    private readonly double[] _cancelledSquares;
    private readonly double[] _returnedHours;
    private readonly double[] _returnedSquares;
    private readonly double[] _demand;
    private readonly double[] _arrivedBefore;
    private readonly double[] _servedThrough;

    public PathSimulator(OfficePlan plan, ForecastParameters parameters, StaffAbsence absence, InverseCdfTable? sickness, long seed, OfficeSamples samples)
    {
        _plan = plan;
        _parameters = parameters;
        _absence = absence;
        _seed = seed;
        _samples = samples;
        _sickness = sickness;

        _durationVariance = parameters.DurationCv * parameters.DurationCv;
        var horizon = plan.Horizon;
        _away = new double[horizon];
        _cancelledHours = new double[horizon];
        _cancelledSquares = new double[horizon];
        _returnedHours = new double[horizon];
        _returnedSquares = new double[horizon];
        _demand = new double[horizon];
        _arrivedBefore = new double[horizon];
        _servedThrough = new double[horizon];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int path)
    {
        var plan = _plan;
        var horizon = plan.Horizon;
        _random.Reset(StreamSeeds.PathSeed(_seed, plan.StreamKey, path));
        _answers.Reset(StreamSeeds.PathSeed(_seed, plan.StreamKey ^ AnswersStream, path));

        // The draws come in a fixed order (trend, staff, cancellations, then month by month), so a path is reproducible.
        // The trend's draw is taken even when no trend is used: with and without history a path then sees the same
        // absences, cancellations and durations (common random numbers), and the regression's effect is the cap alone.
        var trendNormal = _normal.Sample(_random);
        var trendShift = plan.Trend is { ResidualStandardError: > 0 } ? trendNormal : 0;
        Array.Clear(_away);
        if (plan.Advisors > 0 && _absence.Active)
        {
            _absence.Sample(_random, plan.Advisors, _away);
        }

        SampleCancellations(horizon);
        SampleDeclines(horizon);

        var backlog = 0.0;
        var arrived = 0.0;
        var served = 0.0;
        for (var t = 0; t < horizon; t++)
        {
            var demand = SampleDemand(t);
            var capacity = SampleCapacity(t, trendShift);
            var queued = backlog + demand;
            var servedNow = Math.Min(capacity, queued);
            backlog = queued - servedNow;

            _demand[t] = demand;
            _arrivedBefore[t] = arrived;
            arrived += demand;
            served += servedNow;
            _servedThrough[t] = served;

            var i = _samples.Index(t, path);
            _samples.Demand[i] = (float)demand;
            _samples.Capacity[i] = (float)capacity;
            _samples.Served[i] = (float)servedNow;
            _samples.Utilisation[i] = capacity > 0 ? (float)(servedNow / capacity) : 0f;
            _samples.Backlog[i] = (float)backlog;
        }

        _samples.Covered[path] = IsCovered();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SampleCancellations(int horizon)
    {
        Array.Clear(_cancelledHours);
        Array.Clear(_cancelledSquares);
        Array.Clear(_returnedHours);
        Array.Clear(_returnedSquares);
        var p = _parameters;
        if (p.CancellationRate <= 0)
        {
            return;
        }

        for (var m = 0; m < horizon; m++)
        {
            var booked = _plan.BookedCount[m];
            if (booked == 0)
            {
                continue;
            }

            var cancelled = Binomial.Sample(_random, p.CancellationRate, booked);
            if (cancelled == 0)
            {
                continue;
            }

            // Which bookings were cancelled is not tracked; each counts with the month's mean booked hours.
            var hours = _plan.BookedHours[m] / booked;
            var squares = _plan.BookedSquares[m] / booked;
            _cancelledHours[m] = cancelled * hours;
            _cancelledSquares[m] = cancelled * squares;
            var rescheduled = p.RescheduledShare > 0 ? Binomial.Sample(_random, p.RescheduledShare, cancelled) : 0;
            for (var r = 0; r < rescheduled; r++)
            {
                var delay = p.RescheduleDelayMinMonths == p.RescheduleDelayMaxMonths
                    ? p.RescheduleDelayMinMonths
                    : DiscreteUniform.Sample(_random, p.RescheduleDelayMinMonths, p.RescheduleDelayMaxMonths);
                if (m + delay < horizon)
                {
                    _returnedHours[m + delay] += hours;
                    _returnedSquares[m + delay] += squares;
                }
            }
        }
    }

    /// <summary>
    /// Invited huvudmän that decline: their dialogues leave the month's block, as cancelled ones do, but never return
    /// (a declined huvudman is invited again a cycle later, which the queue holds as its own job). A decline counts as
    /// offered, so it does not hold up coverage. Drawn from a stream of its own, so that with every take-up at 1 the
    /// paths are the ones they were before take-up existed, and a changed set of huvudmän moves no other draw.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SampleDeclines(int horizon)
    {
        var plan = _plan;
        for (var m = 0; m < horizon; m++)
        {
            var n = plan.UncertainCount[m];
            if (n == 0)
            {
                continue;
            }

            var declined = Binomial.Sample(_answers, plan.UncertainDeclineRate[m], n);
            if (declined > 0)
            {
                // Which ones declined is not tracked; each counts with the month's mean uncertain hours.
                _cancelledHours[m] += declined * plan.UncertainHours[m] / n;
                _cancelledSquares[m] += declined * plan.UncertainSquares[m] / n;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SampleDemand(int t)
    {
        var plan = _plan;
        var touched = _cancelledHours[t] > 0 || _returnedHours[t] > 0;
        var hours = touched ? Math.Max(0, plan.BlockHours[t] - _cancelledHours[t]) + _returnedHours[t] : plan.BlockHours[t];
        // Cancelling every booking of a month leaves rounding residue, not demand.
        if (hours <= Slack * plan.BlockHours[t])
        {
            return 0;
        }

        if (_durationVariance == 0)
        {
            return hours;
        }

        var (mu, sigma) = touched
            ? OfficePlan.SummedDurations(hours, Math.Max(0, plan.BlockSquares[t] - _cancelledSquares[t]) + _returnedSquares[t], _parameters.DurationCv)
            : (plan.DurationMu[t], plan.DurationSigma[t]);
        return Math.Exp(mu + sigma * _normal.Sample(_random));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SampleCapacity(int t, double trendShift)
    {
        var plan = _plan;
        var capacity = plan.NominalCapacity[t];
        if (plan.Advisors > 0)
        {
            capacity *= Math.Max(0, 1 - _away[t] / plan.Advisors);
        }

        var sickness = _sickness?.Sample(_random) ?? _parameters.SicknessMean;
        capacity *= 1 - sickness;
        if (plan.Trend is not null)
        {
            capacity = Math.Min(capacity, Math.Max(0, plan.CapCentre[t] + trendShift * plan.CapError[t]));
        }

        return capacity;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsCovered()
    {
        var plan = _plan;
        if (plan.NeverCovered)
        {
            return false;
        }

        for (var c = 0; c < plan.CheckMonth.Length; c++)
        {
            var m = plan.CheckMonth[c];
            var nominal = plan.BlockHours[m];
            var kept = nominal > 0 ? Math.Max(0, nominal - _cancelledHours[m]) / nominal : 0;
            var block = _returnedHours[m] + kept * nominal;
            // Returns from earlier cancellations are older and go first; the block's own jobs keep their order, shrunk by
            // the cancelled share, and the realised durations stretch the whole block alike.
            var position = _arrivedBefore[m];
            if (block > 0)
            {
                position += _demand[m] * (_returnedHours[m] + kept * plan.CheckHours[c]) / block;
            }

            if (_servedThrough[plan.CheckDeadline[c]] < position - Slack * Math.Max(1, position))
            {
                return false;
            }
        }

        return true;
    }
}
