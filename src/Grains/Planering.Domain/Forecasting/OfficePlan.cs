namespace Planering.Domain.Forecasting;

/// <summary>
/// What is deterministic about one office over the horizon, computed once and shared by all paths: the due queue
/// aggregated per month, the bookings that may be cancelled, the coverage checks and the regression cap.
/// </summary>
/// <remarks>
/// The paths never look at a single huvudman. Every dialogue that falls due in the horizon is a job in a FIFO queue ordered by
/// the month it becomes demand, then its due month, then input order. A month's jobs form a block whose hours are summed
/// (and their squares, for the spread of durations); a coverage check is the cumulative hours, within its block, of the last
/// job that shares a block and a deadline month — if the office has served that far into the queue by the deadline, every
/// earlier job of the block with that deadline was served too.
/// </remarks>
internal sealed class OfficePlan
{
    private OfficePlan(string officeId, int horizon)
    {
        OfficeId = officeId;
        StreamKey = StreamSeeds.OfficeKey(officeId);
        Horizon = horizon;
        NominalCapacity = new double[horizon];
        BlockHours = new double[horizon];
        BlockSquares = new double[horizon];
        DurationMu = new double[horizon];
        DurationSigma = new double[horizon];
        BookedCount = new int[horizon];
        BookedHours = new double[horizon];
        BookedSquares = new double[horizon];
        UncertainCount = new int[horizon];
        UncertainHours = new double[horizon];
        UncertainSquares = new double[horizon];
        UncertainDeclineRate = new double[horizon];
    }

    public string OfficeId { get; }

    public ulong StreamKey { get; }

    public int Horizon { get; }

    public double[] NominalCapacity { get; }

    public int Advisors { get; private init; }

    /// <summary>Nominal hours of all jobs that become demand in the month.</summary>
    public double[] BlockHours { get; }

    /// <summary>Sum of squared nominal hours of those jobs: the variance of a sum of independent durations grows with it.</summary>
    public double[] BlockSquares { get; }

    /// <summary>
    /// μ and σ of the lognormal that stands for the month's summed durations when no cancellation touched the month;
    /// precomputed because most office-months of most paths are untouched.
    /// </summary>
    public double[] DurationMu { get; }

    public double[] DurationSigma { get; }

    /// <summary>Booked jobs in the month: only they can be cancelled.</summary>
    public int[] BookedCount { get; }

    public double[] BookedHours { get; }

    public double[] BookedSquares { get; }

    /// <summary>Jobs in the month that happen only if the huvudman accepts (take-up below 1): each path draws how many decline.</summary>
    public int[] UncertainCount { get; }

    public double[] UncertainHours { get; }

    public double[] UncertainSquares { get; }

    /// <summary>The mean probability of declining among the month's uncertain jobs (the binomial drawn stands for their sum).</summary>
    public double[] UncertainDeclineRate { get; }

    /// <summary>Block (month index) of each coverage check.</summary>
    public int[] CheckMonth { get; private set; } = [];

    /// <summary>Deadline month of each coverage check: the job must be served by the end of it.</summary>
    public int[] CheckDeadline { get; private set; } = [];

    /// <summary>Nominal hours of the block up to and including the checked job.</summary>
    public double[] CheckHours { get; private set; } = [];

    /// <summary>True when some huvudman is late whatever happens (its deadline passed before it can become demand).</summary>
    public bool NeverCovered { get; private set; }

    public ThroughputTrend? Trend { get; private init; }

    public double[] CapCentre { get; private init; } = [];

    public double[] CapError { get; private init; } = [];

    public static OfficePlan Build(OfficeForecastInput office, int horizon, ForecastParameters parameters)
    {
        var trend = ThroughputRegression.Fit(office.History, office.Huvudman);
        var (centre, error) = trend is null ? ([], []) : ThroughputRegression.Project(trend, horizon);
        var plan = new OfficePlan(office.OfficeId, horizon)
        {
            Advisors = office.Advisors,
            Trend = trend,
            CapCentre = centre,
            CapError = error,
        };
        for (var t = 0; t < horizon; t++)
        {
            plan.NominalCapacity[t] = office.CapacityHours[t];
        }

        plan.BuildQueue(office.Huvudman, parameters.CoverageGraceCycles);
        for (var t = 0; t < horizon; t++)
        {
            (plan.DurationMu[t], plan.DurationSigma[t]) = SummedDurations(plan.BlockHours[t], plan.BlockSquares[t], parameters.DurationCv);
        }

        return plan;
    }

    /// <summary>
    /// The lognormal matched in mean and variance (Fenton–Wilkinson) to a sum of independent lognormal durations with
    /// total <paramref name="hours"/>, squared hours <paramref name="squares"/> and coefficient of variation <paramref name="cv"/>:
    /// exact for a single dialogue, never negative, one draw per office-month whatever the number of dialogues.
    /// </summary>
    public static (double Mu, double Sigma) SummedDurations(double hours, double squares, double cv)
    {
        if (hours <= 0)
        {
            return (double.NegativeInfinity, 0);
        }

        var sigma2 = Math.Log(1 + cv * cv * squares / (hours * hours));
        return (Math.Log(hours) - sigma2 / 2, Math.Sqrt(sigma2));
    }

    private void BuildQueue(IReadOnlyList<HuvudmanDemand> huvudman, double graceCycles)
    {
        var jobs = new List<Job>();
        for (var i = 0; i < huvudman.Count; i++)
        {
            var h = huvudman[i];
            // floor(grace · cycle): the tiny epsilon keeps 0.5 · 4 = 2 from flooring to 1 through rounding.
            var grace = (int)Math.Floor(graceCycles * h.CycleMonths + 1e-9);
            int next;
            if (h.BookedMonth is { } booked)
            {
                AddJob(jobs, booked, h.NextDueMonth, h.HoursPerDialogue, h.NextDueMonth + grace, true);
                next = booked + h.CycleMonths;
            }
            else
            {
                var arrives = Math.Max(h.NextDueMonth, 0);
                AddJob(jobs, arrives, h.NextDueMonth, h.HoursPerDialogue, h.NextDueMonth + grace, false, h.TakeUp);
                next = arrives + h.CycleMonths;
            }

            // Later dialogues fall due one cycle after the previous one became demand: the aggregated queue cannot know
            // in which month a path actually held it.
            for (; next < Horizon; next += h.CycleMonths)
            {
                AddJob(jobs, next, next, h.HoursPerDialogue, next + grace, false, h.LaterTakeUp);
            }
        }

        jobs.Sort(static (a, b) => a.Month != b.Month ? a.Month.CompareTo(b.Month)
            : a.Due != b.Due ? a.Due.CompareTo(b.Due)
            : a.Order.CompareTo(b.Order));

        var checks = new List<(int Month, int Deadline, double Hours)>();
        var latest = new SortedDictionary<int, double>();
        var cumulative = 0.0;
        for (var j = 0; j < jobs.Count; j++)
        {
            var job = jobs[j];
            cumulative += job.Hours;
            BlockHours[job.Month] += job.Hours;
            BlockSquares[job.Month] += job.Hours * job.Hours;
            if (job.Booked)
            {
                BookedCount[job.Month]++;
                BookedHours[job.Month] += job.Hours;
                BookedSquares[job.Month] += job.Hours * job.Hours;
            }
            else if (job.TakeUp < 1)
            {
                UncertainCount[job.Month]++;
                UncertainHours[job.Month] += job.Hours;
                UncertainSquares[job.Month] += job.Hours * job.Hours;
                UncertainDeclineRate[job.Month] += 1 - job.TakeUp;
            }

            if (job.Deadline < Horizon)
            {
                latest[job.Deadline] = cumulative;
            }

            if (j + 1 == jobs.Count || jobs[j + 1].Month != job.Month)
            {
                AddChecks(checks, job.Month, latest);
                latest.Clear();
                cumulative = 0;
            }
        }

        for (var m = 0; m < Horizon; m++)
        {
            if (UncertainCount[m] > 0)
            {
                UncertainDeclineRate[m] /= UncertainCount[m];
            }
        }

        CheckMonth = new int[checks.Count];
        CheckDeadline = new int[checks.Count];
        CheckHours = new double[checks.Count];
        for (var c = 0; c < checks.Count; c++)
        {
            (CheckMonth[c], CheckDeadline[c], CheckHours[c]) = checks[c];
        }
    }

    private void AddJob(List<Job> jobs, int month, int due, double hours, int deadline, bool booked, double takeUp = 1)
    {
        if (deadline < Horizon && deadline < month)
        {
            // Becomes demand only after its deadline (a booking beyond it, or overdue past its grace already):
            // no path can cover it, whether or not the job itself lies inside the horizon.
            NeverCovered = true;
        }

        if (month < Horizon)
        {
            jobs.Add(new Job(month, due, jobs.Count, hours, deadline, booked, takeUp));
        }
    }

    private static void AddChecks(List<(int, int, double)> checks, int month, SortedDictionary<int, double> latestByDeadline)
    {
        // A check whose hours do not exceed those of an earlier-deadline check in the same block is implied by it.
        var highest = double.NegativeInfinity;
        foreach (var (deadline, hours) in latestByDeadline)
        {
            if (deadline >= month && hours > highest)
            {
                checks.Add((month, deadline, hours));
                highest = hours;
            }
        }
    }

    private readonly record struct Job(int Month, int Due, int Order, double Hours, int Deadline, bool Booked, double TakeUp);
}
