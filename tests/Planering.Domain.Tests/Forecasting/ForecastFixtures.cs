using Planering.Domain.Forecasting;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>Inputs shared by the forecast tests: a tiny hand-computable instance and a country-sized synthetic one.</summary>
internal static class ForecastFixtures
{
    /// <summary>No randomness at all; sickness is a fixed 10 % so that the capacity still differs from the nominal.</summary>
    public static readonly ForecastParameters Deterministic = new()
    {
        CancellationRate = 0,
        DurationCv = 0,
        SicknessMean = 0.1,
        SicknessSd = 0,
        ParentalLeaveRate = 0,
        VacancyRate = 0,
        HiringDelayCv = 0,
    };

    /// <summary>
    /// Alfa: 100 h nominal, 90 h after sickness. Month 0 holds an overdue 40 h, a 30 h and a 40 h dialogue (cycle 2, so it
    /// returns in month 2); month 1 a booked 50 h dialogue.
    /// </summary>
    public static OfficeForecastInput Alfa(int overdueDueMonth = -1, double capacity = 100) => new(
        "alfa",
        [capacity, capacity, capacity],
        2,
        1.5,
        [
            new HuvudmanDemand(40, 12, overdueDueMonth),
            new HuvudmanDemand(30, 12, 0),
            new HuvudmanDemand(50, 12, 1, BookedMonth: 1),
            new HuvudmanDemand(40, 2, 0),
        ]);

    /// <summary>Beta: 50 h nominal, 45 h after sickness; 30 h due in month 0 and a 10 h booking in month 1 that is due in month 2.</summary>
    public static OfficeForecastInput Beta() => new(
        "beta",
        [50, 50, 50],
        1,
        1.0,
        [
            new HuvudmanDemand(30, 6, 0),
            new HuvudmanDemand(10, 12, 2, BookedMonth: 1),
        ]);

    public static ForecastInput Tiny(ForecastParameters parameters, params OfficeForecastInput[] offices) =>
        new(2027, 11, 42, offices) { HorizonMonths = 3, Paths = 3, Parameters = parameters };

    /// <summary>One office with flat capacity and a steady stream of dialogues, for the statistical tests.</summary>
    public static OfficeForecastInput Steady(
        string id = "steady",
        int horizon = 12,
        double capacity = 400,
        int huvudman = 120,
        int advisors = 8,
        IReadOnlyList<int>? history = null,
        double bookedShare = 0.5)
    {
        var demand = new List<HuvudmanDemand>();
        for (var h = 0; h < huvudman; h++)
        {
            var cycle = 12 + 12 * (h % 2);
            var due = h % cycle;
            // Every other dialogue due in the first half year is booked, so cancellations have something to act on.
            int? booked = due < 6 && h % 4 < bookedShare * 4 ? due : null;
            demand.Add(new HuvudmanDemand(20 + h % 7, cycle, due, booked));
        }

        return new OfficeForecastInput(id, Enumerable.Repeat(capacity, horizon).ToArray(), advisors, advisors * 0.9, demand, history);
    }

    public static ForecastInput Single(OfficeForecastInput office, ForecastParameters? parameters = null, int paths = 2_000, long seed = 7) =>
        new(2027, 1, seed, [office]) { HorizonMonths = office.CapacityHours.Count, Paths = paths, Parameters = parameters ?? ForecastParameters.Default };

    /// <summary>
    /// The country at today's size: six offices, 1,200 huvudmän with cycles of one to three years, due dates spread over the
    /// cycle (some overdue), the next months partly booked, and history for half the offices.
    /// </summary>
    public static ForecastInput Sweden(int offices = 6, int huvudman = 1_200, int horizon = 24, int paths = 10_000, long seed = 2027)
    {
        var random = new Random(1234);
        var list = new List<OfficeForecastInput>();
        for (var o = 0; o < offices; o++)
        {
            var demand = new List<HuvudmanDemand>();
            for (var h = o; h < huvudman; h += offices)
            {
                var cycle = 12 * random.Next(1, 4);
                var due = random.Next(-3, cycle);
                int? booked = due is >= 0 and < 3 && random.NextDouble() < 0.6 ? due : null;
                demand.Add(new HuvudmanDemand(16 + random.Next(0, 16), cycle, due, booked));
            }

            var advisors = 6 + o;
            var capacity = new double[horizon];
            for (var t = 0; t < horizon; t++)
            {
                // July is mostly holiday; the grains net such months out before the forecast sees them.
                capacity[t] = (t % 12 == 6 ? 0.3 : 1.0) * advisors * 120 * 0.45;
            }

            int[]? history = null;
            if (o % 2 == 0)
            {
                history = new int[12];
                for (var m = 0; m < history.Length; m++)
                {
                    history[m] = 8 + o + m / 2 + random.Next(0, 4);
                }
            }

            list.Add(new OfficeForecastInput($"office-{o}", capacity, advisors, advisors * 0.9, demand, history));
        }

        return new ForecastInput(2027, 1, seed, list) { HorizonMonths = horizon, Paths = paths };
    }

    /// <summary>Every number of a forecast, in a fixed order, for bitwise comparisons.</summary>
    public static double[] Flatten(CapacityForecast forecast)
    {
        var numbers = new List<double>();
        foreach (var office in forecast.Offices.Append(forecast.National))
        {
            numbers.Add(office.CoverageProbability);
            foreach (var month in office.Months)
            {
                foreach (var band in new[] { month.DemandHours, month.CapacityHours, month.Utilisation, month.BacklogHours })
                {
                    numbers.AddRange([band.Mean, band.P10, band.P50, band.P90]);
                }
            }
        }

        return numbers.ToArray();
    }

    public static double Spread(ForecastBand band) => band.P90 - band.P10;
}
