using System.Collections.ObjectModel;

namespace Planering.Domain.Forecasting;

/// <summary>
/// Computes a <see cref="CapacityForecast"/>: a Monte Carlo over paths, office by office, with the nation summed per path.
/// The model is described in docs/forecast-model.md.
/// </summary>
public static class CapacityForecaster
{
    /// <summary>Validates the input and computes the forecast on all cores.</summary>
    /// <exception cref="Errors.PlaneringException">The input breaks a rule of <see cref="ForecastRules"/>; the fields are named.</exception>
    public static CapacityForecast Run(ForecastInput input, CancellationToken cancellationToken = default) =>
        Run(input, -1, cancellationToken);

    /// <summary>
    /// Validates the input and computes the forecast on at most <paramref name="maxDegreeOfParallelism"/> threads (−1: no limit).
    /// The result does not depend on the number of threads.
    /// </summary>
    public static CapacityForecast Run(ForecastInput input, int maxDegreeOfParallelism, CancellationToken cancellationToken = default)
    {
        ForecastRules.Validate(input);
        var horizon = input.HorizonMonths;
        var paths = input.Paths;
        var parameters = input.Parameters;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var absence = new StaffAbsence(parameters, horizon);
        var sickness = parameters.SicknessSd > 0 ? InverseCdfTable.BetaWith(parameters.SicknessMean, parameters.SicknessSd) : null;

        // The nation per path; each office adds its figures in input order, so the sums are the same on every run.
        var nationalDemand = new float[horizon * paths];
        var nationalCapacity = new float[horizon * paths];
        var nationalServed = new float[horizon * paths];
        var nationalBacklog = new float[horizon * paths];
        var nationalCovered = new bool[paths];
        Array.Fill(nationalCovered, true);

        // One buffer serves every office in turn: each path overwrites all of its cells, and an office's figures are
        // summed into the nation and summarised before the next office starts.
        var samples = new OfficeSamples(horizon, paths);
        var offices = new OfficeForecast[input.Offices.Count];
        var officeMeans = new ForecastBand[input.Offices.Count][][];
        for (var o = 0; o < input.Offices.Count; o++)
        {
            var plan = OfficePlan.Build(input.Offices[o], horizon, parameters);
            Parallel.For(
                0,
                paths,
                parallel,
                () => new PathSimulator(plan, parameters, absence, sickness, input.Seed, samples),
                (path, _, simulator) =>
                {
                    simulator.Run(path);
                    return simulator;
                },
                static _ => { });

            AddInto(nationalDemand, samples.Demand, parallel);
            AddInto(nationalCapacity, samples.Capacity, parallel);
            AddInto(nationalServed, samples.Served, parallel);
            AddInto(nationalBacklog, samples.Backlog, parallel);
            var covered = 0;
            for (var p = 0; p < paths; p++)
            {
                nationalCovered[p] &= samples.Covered[p];
                covered += samples.Covered[p] ? 1 : 0;
            }

            var bands = Summarise(horizon, paths, parallel, samples.Demand, samples.Capacity, samples.Utilisation, samples.Backlog);
            officeMeans[o] = bands;
            var method = plan.Trend is null ? ForecastMethod.MonteCarlo : ForecastMethod.MonteCarloWithRegression;
            offices[o] = new OfficeForecast(plan.OfficeId, method, Months(input, bands, [input.Offices[o]]), (double)covered / paths, plan.Trend);
        }

        var nationalUtilisation = new float[horizon * paths];
        for (var i = 0; i < nationalUtilisation.Length; i++)
        {
            nationalUtilisation[i] = nationalCapacity[i] > 0 ? nationalServed[i] / nationalCapacity[i] : 0f;
        }

        var national = Summarise(horizon, paths, parallel, nationalDemand, nationalCapacity, nationalUtilisation, nationalBacklog);
        foreach (var figure in new[] { Figure.Demand, Figure.Capacity, Figure.Backlog })
        {
            for (var t = 0; t < horizon; t++)
            {
                // The mean of per-path sums is the sum of the means; summing the office means makes that exact to the bit
                // instead of exact up to the rounding of two different summation orders.
                var sum = 0.0;
                foreach (var office in officeMeans)
                {
                    sum += office[(int)figure][t].Mean;
                }

                national[(int)figure][t] = national[(int)figure][t] with { Mean = sum };
            }
        }

        var anyRegression = Array.Exists(offices, o => o.Trend is not null);
        var nationalCoverage = (double)nationalCovered.Count(c => c) / paths;
        var nationalMethod = anyRegression ? ForecastMethod.MonteCarloWithRegression : ForecastMethod.MonteCarlo;
        return new CapacityForecast(
            nationalMethod,
            input.Seed,
            paths,
            input.StartYear,
            input.StartMonth,
            horizon,
            parameters,
            Array.AsReadOnly(offices),
            new OfficeForecast(CapacityForecast.NationalId, nationalMethod, Months(input, national, input.Offices), nationalCoverage, null));
    }

    private static void AddInto(float[] total, float[] part, ParallelOptions parallel)
    {
        const int chunk = 16_384;
        Parallel.For(0, (total.Length + chunk - 1) / chunk, parallel, c =>
        {
            var end = Math.Min(total.Length, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                total[i] += part[i];
            }
        });
    }

    /// <summary>Bands per figure and month.</summary>
    private static ForecastBand[][] Summarise(int horizon, int paths, ParallelOptions parallel, params float[][] figures)
    {
        var bands = new ForecastBand[figures.Length][];
        for (var f = 0; f < figures.Length; f++)
        {
            bands[f] = new ForecastBand[horizon];
        }

        Parallel.For(
            0,
            figures.Length * horizon,
            parallel,
            () => new BandSummary(paths),
            (cell, _, summary) =>
            {
                var (f, t) = Math.DivRem(cell, horizon);
                bands[f][t] = summary.Summarise(figures[f].AsSpan(t * paths, paths));
                return summary;
            },
            static _ => { });
        return bands;
    }

    /// <param name="offices">The offices the months add up (one, or all for the nation): their dialogue figures are summed.</param>
    private static ReadOnlyCollection<MonthForecast> Months(ForecastInput input, ForecastBand[][] bands, IReadOnlyList<OfficeForecastInput> offices)
    {
        var months = new MonthForecast[input.HorizonMonths];
        for (var t = 0; t < months.Length; t++)
        {
            var index = input.StartYear * 12 + input.StartMonth - 1 + t;
            var due = offices.Sum(o => o.DueDialogues is { } d && t < d.Count ? d[t] : 0);
            var slots = offices.Sum(o => o.DialogueCapacity is { } c && t < c.Count ? c[t] : 0);
            var hours = offices.Sum(o => (o.HoursCapacity ?? o.CapacityHours) is { } h && t < h.Count ? h[t] : 0);
            var demand = bands[(int)Figure.Demand][t];
            var backlog = bands[(int)Figure.Backlog][t];
            var (_, binding, status) = Planning.OfficePlanLine.Judge(demand.Mean + backlog.P50, hours, due, offices.Any(o => o.DialogueCapacity is not null) ? slots : double.MaxValue);
            if (status == Planning.LoadStatus.Ok && backlog.P50 > 0)
            {
                status = Planning.LoadStatus.Overloaded;
            }

            months[t] = new MonthForecast(
                index / 12,
                index % 12 + 1,
                t,
                demand,
                bands[(int)Figure.Capacity][t],
                bands[(int)Figure.Utilisation][t],
                backlog)
            {
                DemandDialogues = due,
                NightsAway = offices.Sum(o => o.DueNightsAway is { } n && t < n.Count ? n[t] : 0),
                DialogueCapacity = slots,
                Binding = binding,
                Status = status,
            };
        }

        return Array.AsReadOnly(months);
    }

    /// <summary>The order of the figures handed to <see cref="Summarise"/>.</summary>
    private enum Figure
    {
        Demand = 0,
        Capacity = 1,
        Utilisation = 2,
        Backlog = 3,
    }
}
