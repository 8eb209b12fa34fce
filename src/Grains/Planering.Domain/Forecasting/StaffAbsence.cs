using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace Planering.Domain.Forecasting;

/// <summary>
/// Samples, for one path of one office, how many advisors are away each month through parental leave or a vacancy.
/// </summary>
/// <remarks>
/// Each advisor carries an equal share of the office's capacity. Per month an advisor who is at work starts a parental leave
/// or leaves with the monthly probabilities implied by the yearly rates; the months until that happens are geometric, so an
/// advisor costs one draw unless something happens in the horizon. A leave lasts a whole number of months (uniform between
/// the limits); a leaver's post stays empty for a Gamma distributed hiring delay, counted in fractions of a month, and the
/// replacement is exposed to the same risks from the first whole month at work.
/// </remarks>
internal sealed class StaffAbsence
{
    private readonly double _eventProbability;
    private readonly double _logNoEvent;
    private readonly double _noEventInHorizon;
    private readonly double _leaveShare;
    private readonly int _leaveMin;
    private readonly int _leaveMax;
    private readonly double _hiringMean;
    private readonly double _hiringShape;
    private readonly double _hiringRate;

    public StaffAbsence(ForecastParameters parameters, int horizon)
    {
        var leave = MonthlyProbability(parameters.ParentalLeaveRate);
        var vacancy = MonthlyProbability(parameters.VacancyRate);
        _eventProbability = 1 - (1 - leave) * (1 - vacancy);
        _logNoEvent = Math.Log(1 - _eventProbability);
        _noEventInHorizon = Math.Pow(1 - _eventProbability, horizon);
        // Competing risks: when something happens in a month, it is a leave in proportion to the two monthly probabilities.
        _leaveShare = leave + vacancy > 0 ? leave / (leave + vacancy) : 0;
        _leaveMin = parameters.ParentalLeaveMinMonths;
        _leaveMax = parameters.ParentalLeaveMaxMonths;
        _hiringMean = parameters.HiringDelayMeanMonths;
        if (parameters.HiringDelayCv > 0 && parameters.HiringDelayMeanMonths > 0)
        {
            _hiringShape = 1 / (parameters.HiringDelayCv * parameters.HiringDelayCv);
            _hiringRate = _hiringShape / parameters.HiringDelayMeanMonths;
        }
    }

    /// <summary>False when no advisor can ever be away: the sampler then draws nothing.</summary>
    public bool Active => _eventProbability > 0;

    /// <summary>Adds, per month, the advisors away (fractions for part months) to <paramref name="away"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sample(PathRandom random, int advisors, Span<double> away)
    {
        var horizon = away.Length;
        for (var a = 0; a < advisors; a++)
        {
            var atWork = 0;
            while (atWork < horizon)
            {
                var start = atWork + MonthsWithoutEvent(random, atWork == 0, horizon - atWork);
                if (start >= horizon)
                {
                    break;
                }

                var isLeave = _leaveShare >= 1 || (_leaveShare > 0 && random.NextUniform() < _leaveShare);
                if (isLeave)
                {
                    var months = _leaveMin == _leaveMax ? _leaveMin : DiscreteUniform.Sample(random, _leaveMin, _leaveMax);
                    var end = Math.Min(horizon, start + months);
                    for (var m = start; m < end; m++)
                    {
                        away[m] += 1;
                    }

                    atWork = start + Math.Max(1, months);
                }
                else
                {
                    var delay = _hiringShape > 0 ? Gamma.Sample(random, _hiringShape, _hiringRate) : _hiringMean;
                    var end = start + delay;
                    for (var m = start; m < horizon && m < end; m++)
                    {
                        away[m] += Math.Min(end, m + 1) - m;
                    }

                    // At most one event per post and month, also when a replacement arrives at once.
                    atWork = Math.Max(start + 1, (int)Math.Ceiling(Math.Min(end, horizon)));
                }
            }
        }
    }

    /// <summary>
    /// Geometric by inverse transform: P(at least k quiet months) = (1 − q)^k, so k = ⌊ln(1 − u) / ln(1 − q)⌋. Most advisors
    /// stay the whole horizon, which a first draw can tell against a precomputed threshold without taking a logarithm.
    /// </summary>
    private int MonthsWithoutEvent(PathRandom random, bool fromStart, int remaining)
    {
        var survival = 1 - random.NextUniform();
        if (fromStart && survival <= _noEventInHorizon)
        {
            return remaining;
        }

        if (_eventProbability >= 1)
        {
            return 0;
        }

        var months = Math.Floor(Math.Log(survival) / _logNoEvent);
        return months >= remaining ? remaining : (int)months;
    }

    private static double MonthlyProbability(double yearly) => yearly >= 1 ? 1 : 1 - Math.Pow(1 - yearly, 1.0 / 12);
}
