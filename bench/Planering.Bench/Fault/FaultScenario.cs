using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Planering.Bench.Load;
using Planering.Cluster.Tests;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Grains.Registry;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Bench.Fault;

/// <summary>How the silo holding the booked office's calendar leaves the cluster.</summary>
internal enum FaultKind
{
    /// <summary>SIGKILL: a crash; the others must find out by probing.</summary>
    Kill,

    /// <summary>SIGTERM: a graceful stop, as systemd or Docker stops a service.</summary>
    Terminate,
}

/// <summary>The size and timing of one fault run.</summary>
internal sealed record FaultPlan(int Callers, int HuvudmanPerCaller, int Probes, TimeSpan Before, TimeSpan AfterFault, TimeSpan AfterRestart)
{
    public static readonly FaultPlan Full = new(8, 320, 16, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(12));

    public static readonly FaultPlan Quick = new(4, 200, 8, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(6));

    /// <summary>
    /// Bookings a second per caller at most: a steady load that lasts the whole run (an office holds some 480 bookings a
    /// year here), rather than the machine's ceiling, which the load section measures.
    /// </summary>
    public const double BookingsPerSecondPerCaller = 5;

    /// <summary>A caller's deadline per attempt: the 15 s of the operator test, so a stall shows at full length.</summary>
    public static readonly TimeSpan AttemptDeadline = TimeSpan.FromSeconds(15);

    /// <summary>How long a caller keeps retrying one request before it gives up (and the request counts as unanswered).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    /// <summary>The pause between two reads of one probed grain.</summary>
    public static readonly TimeSpan ProbePeriod = TimeSpan.FromMilliseconds(200);
}

/// <summary>One call attempt as its caller saw it, on the run's clock (seconds; the fault is at <see cref="FaultResult.FaultAt"/>).</summary>
internal sealed record Attempt(string Operation, double Start, double End, StatusCode Status, string? Reason, int Probe)
{
    public double Duration => End - Start;

    /// <summary>
    /// A failure of availability. SLOT_TAKEN (another caller won the slot) and FAILED_PRECONDITION (no free slot left in
    /// the caller's year) are answers.
    /// </summary>
    public bool Failed => Status is not (StatusCode.OK or StatusCode.FailedPrecondition) && Reason != "SLOT_TAKEN";
}

/// <summary>
/// The fault benchmark's run: booking callers and grain probes through the stand-alone gateway, the silo holding the
/// office's calendar killed (or stopped) mid-load and then started again, and afterwards the check that every
/// acknowledged booking is listed exactly once.
/// </summary>
internal static class FaultScenario
{
    private const string Kommun = "1280";
    private static int _next = Random.Shared.Next(0, 40_000_000);

    public static async Task<FaultResult> RunAsync(PostgresServer postgres, FaultKind kind, FaultPlan plan, TextWriter log)
    {
        await using var cluster = await FaultCluster.StartAsync(postgres, log);
        using var channels = new LoadChannels(cluster.GatewayAddress, cluster.Token, 2);
        var registry = new RegistryService.RegistryServiceClient(channels.For(0));
        // One office per caller, so the load spreads over both silos and a full calendar is one caller's alone.
        var run = $"{Guid.NewGuid():N}"[..8];
        var offices = Enumerable.Range(0, plan.Callers).Select(i => $"fault-{run}-{i}").ToList();
        var candidates = 3 * plan.Probes;
        var huvudman = await ArrangeAsync(registry, offices, plan.Callers * plan.HuvudmanPerCaller + candidates);
        var booked = huvudman.Skip(candidates).ToList();
        log.WriteLine($"fault: {offices.Count} offices, {huvudman.Count} huvudmän registered");

        var attempts = new ConcurrentQueue<Attempt>();
        var acknowledged = new ConcurrentDictionary<string, Dialogue>(StringComparer.Ordinal);
        var unanswered = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        // Activate the offices before the clock matters. The victim: the silo holding the first caller's office
        // calendar, the single writer its bookings pass through.
        var scheduling = new SchedulingService.SchedulingServiceClient(channels.For(0));
        foreach (var office in offices)
        {
            await scheduling.FindNextSlotAsync(Find(booked[0], office, QuietAutumnMonday));
        }

        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var officeSilo = await management.GetActivationAddress(cluster.Grains.GetGrain<IRegionalOfficeGrain>(offices[0]))
            ?? throw new InvalidOperationException("the office grain is not active anywhere");
        var victim = cluster.SiloAt(officeSilo.Endpoint.Port);
        var officesOnVictim = 0;
        foreach (var office in offices)
        {
            officesOnVictim += (await management.GetActivationAddress(cluster.Grains.GetGrain<IRegionalOfficeGrain>(office)))?.Endpoint.Port == victim.SiloPort ? 1 : 0;
        }

        // Probed grains on both silos: the candidates are read through each silo's own API in turn (where a grain first
        // called is usually placed), then half the probes are taken from each silo's share.
        var placed = new List<(string Number, bool OnVictim)>();
        for (var i = 0; i < candidates; i++)
        {
            using var own = BearerChannel.ForAddress(cluster.Silos[i % 2].ApiAddress, cluster.Token);
            await new RegistryService.RegistryServiceClient(own).GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = huvudman[i] });
            var where = await management.GetActivationAddress(cluster.Grains.GetGrain<IHuvudmanGrain>(huvudman[i]));
            placed.Add((huvudman[i], where?.Endpoint.Port == victim.SiloPort));
        }

        var chosen = placed.Where(p => !p.OnVictim).Take(plan.Probes / 2).ToList();
        chosen.AddRange(placed.Where(p => p.OnVictim).Take(plan.Probes - chosen.Count));
        var probed = chosen.Select(p => p.Number).ToList();
        var onVictim = chosen.Select(p => p.OnVictim).ToArray();

        var callers = Enumerable.Range(0, plan.Callers).Select(i => Task.Run(() => BookAsync(
            new SchedulingService.SchedulingServiceClient(channels.For(i)), offices[i],
            booked.Skip(i * plan.HuvudmanPerCaller).Take(plan.HuvudmanPerCaller).ToList(),
            QuietAutumnMonday, clock, attempts, acknowledged, unanswered, stop.Token))).ToList();
        var probes = probed.Select((number, i) => Task.Run(() => ProbeAsync(
            new RegistryService.RegistryServiceClient(channels.For(i)), number, i, clock, attempts, stop.Token))).ToList();

        await Task.Delay(plan.Before);

        // Where the probed grains are at the fault (a grain does not move while it is in use).
        for (var i = 0; i < probed.Count; i++)
        {
            onVictim[i] = (await management.GetActivationAddress(cluster.Grains.GetGrain<IHuvudmanGrain>(probed[i])))?.Endpoint.Port == victim.SiloPort;
        }

        var faultAt = clock.Elapsed.TotalSeconds;
        var faultUtc = DateTime.UtcNow;
        if (kind == FaultKind.Kill)
        {
            await victim.KillAsync();
        }
        else
        {
            await victim.TerminateAsync(TimeSpan.FromSeconds(60));
        }

        var goneAt = clock.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault: {kind} {victim.Name} at {faultAt:F1} s, gone after {goneAt - faultAt:F1} s; {acknowledged.Count} bookings acknowledged"));

        await Task.Delay(plan.AfterFault);
        var restartAt = clock.Elapsed.TotalSeconds;
        victim.Start();
        await victim.WaitServingAsync(TimeSpan.FromSeconds(90));
        var servingAt = clock.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault: {victim.Name} restarted at {restartAt:F1} s, serving after {servingAt - restartAt:F1} s"));

        await Task.Delay(plan.AfterRestart);
        var endAt = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(callers.Concat(probes));
        log.WriteLine($"fault: load stopped; {acknowledged.Count} bookings acknowledged, {attempts.Count} attempts");

        // The first death vote against the killed generation (Orleans writes each as "voter@generation,yyyy-MM-dd HH:mm:ss.fff GMT").
        double? declaredDeadAfter = null;
        var rows = await cluster.MembershipOfAsync(victim.SiloPort);
        var killed = rows.Count > 0 ? rows[0] : default;
        if (killed.SuspectTimes?.Split('|')[0].Split(',') is [_, var when]
            && DateTime.TryParseExact(when.Replace(" GMT", string.Empty, StringComparison.Ordinal), "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var votedAt))
        {
            declaredDeadAfter = (votedAt - faultUtc).TotalSeconds;
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault: {victim.Name}'s killed generation: status {killed.Status}, votes {killed.SuspectTimes}"));

        var check = await CheckAsync(scheduling, offices, acknowledged, unanswered);
        return new FaultResult(kind, plan, victim.Name, officesOnVictim, attempts.ToList(), onVictim, faultAt, goneAt, declaredDeadAfter, restartAt, servingAt, endAt, check);
    }

    /// <summary>The Monday of ISO week 36 next year: after sommarlov and before höstlov, and past the preparation lead time.</summary>
    private static DateOnly QuietAutumnMonday => DateOnly.FromDateTime(ISOWeek.ToDateTime(DateTime.UtcNow.Year + 1, 36, DayOfWeek.Monday));

    private static FindNextSlotRequest Find(string huvudman, string officeId, DateOnly earliest) => new()
    {
        HuvudmanId = huvudman,
        OfficeId = officeId,
        EarliestDate = earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Mode = DialogueMode.Digital,
    };

    private static async Task<IReadOnlyList<string>> ArrangeAsync(RegistryService.RegistryServiceClient registry, IReadOnlyList<string> offices, int count)
    {
        foreach (var officeId in offices)
        {
            await registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = $"Felkontor {officeId}", Kommunkod = Kommun });
            var staffing = new SetStaffingRequest { OfficeId = officeId };
            for (var i = 1; i <= 12; i++)
            {
                staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-{i}", Name = $"Rådgivare {i}", Fte = 1 });
            }

            await registry.SetStaffingAsync(staffing);
        }

        var numbers = Enumerable.Range(0, count)
            .Select(_ => OrganisationNumber.FromNineDigits($"7{Interlocked.Increment(ref _next):D8}").Value).ToList();
        var unused = new ConcurrentQueue<Attempt>();
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (number, _) =>
        {
            var request = new UpsertHuvudmanRequest { OrganisationNumber = number, Name = $"Skola {number}", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 300 };
            var answer = await CallAsync("UpsertHuvudman", o => registry.UpsertHuvudmanAsync(request, o), Stopwatch.StartNew(), unused, -1, CancellationToken.None);
            if (answer.Value is null)
            {
                throw new InvalidOperationException($"registering {number} failed: {answer.Reason}");
            }
        });
        return numbers;
    }

    /// <summary>
    /// One booking caller, as the API asks callers to behave: find the next slot, book it; a transient failure is sent
    /// again unchanged (a booking with the same request_id) after a short backoff; SLOT_TAKEN means find again.
    /// </summary>
    private static async Task BookAsync(
        SchedulingService.SchedulingServiceClient scheduling, string officeId, IReadOnlyList<string> mine, DateOnly earliest, Stopwatch clock,
        ConcurrentQueue<Attempt> attempts, ConcurrentDictionary<string, Dialogue> acknowledged, ConcurrentBag<string> unanswered, CancellationToken stop)
    {
        var period = TimeSpan.FromSeconds(1 / FaultPlan.BookingsPerSecondPerCaller);
        foreach (var number in mine)
        {
            var due = clock.Elapsed + period;
            for (var round = 0; round < 20 && !stop.IsCancellationRequested; round++)
            {
                var found = await CallAsync("FindNextSlot", o => scheduling.FindNextSlotAsync(Find(number, officeId, earliest), o), clock, attempts, -1, stop);
                if (found.Value is null)
                {
                    if (found.Reason == nameof(StatusCode.FailedPrecondition))
                    {
                        return;
                    }

                    break;
                }

                // Once sent, a booking is retried to a definitive answer even while the load stops, so it is known.
                var request = new BookDialogueRequest { RequestId = $"fault-{number}-{round}", HuvudmanId = number, Slot = found.Value.Slot };
                var answer = await CallAsync("BookDialogue", o => scheduling.BookDialogueAsync(request, o), clock, attempts, -1, CancellationToken.None);
                if (answer.Value is { } dialogue)
                {
                    acknowledged[request.RequestId] = dialogue;
                    earliest = DateOnly.ParseExact(dialogue.Slot.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                }

                if (answer.Reason != "SLOT_TAKEN")
                {
                    unanswered.Add(request.RequestId);
                    break;
                }
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            // Pacing, not synchronisation: the next booking starts on the caller's schedule.
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, CancellationToken.None);
            }
        }
    }

    private static async Task ProbeAsync(RegistryService.RegistryServiceClient registry, string number, int probe, Stopwatch clock, ConcurrentQueue<Attempt> attempts, CancellationToken stop)
    {
        var request = new GetHuvudmanRequest { OrganisationNumber = number };
        while (!stop.IsCancellationRequested)
        {
            var start = clock.Elapsed.TotalSeconds;
            var (status, reason) = (StatusCode.OK, (string?)null);
            try
            {
                await registry.GetHuvudmanAsync(request, deadline: DateTime.UtcNow + FaultPlan.AttemptDeadline, cancellationToken: CancellationToken.None);
            }
            catch (RpcException error)
            {
                (status, reason) = (error.StatusCode, ReasonOf(error));
            }

            attempts.Enqueue(new Attempt("GetHuvudman", start, clock.Elapsed.TotalSeconds, status, reason, probe));
            try
            {
                await Task.Delay(FaultPlan.ProbePeriod, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<(T? Value, string? Reason)> CallAsync<T>(
        string operation, Func<CallOptions, AsyncUnaryCall<T>> call, Stopwatch clock, ConcurrentQueue<Attempt> attempts, int probe, CancellationToken stop)
        where T : class
    {
        var first = clock.Elapsed;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var start = clock.Elapsed.TotalSeconds;
            try
            {
                var value = await call(new CallOptions(deadline: DateTime.UtcNow + FaultPlan.AttemptDeadline));
                attempts.Enqueue(new Attempt(operation, start, clock.Elapsed.TotalSeconds, StatusCode.OK, null, probe));
                return (value, null);
            }
            catch (RpcException error)
            {
                var reason = ReasonOf(error);
                attempts.Enqueue(new Attempt(operation, start, clock.Elapsed.TotalSeconds, error.StatusCode, reason, probe));
                var transient = error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
                    || (error.StatusCode == StatusCode.Aborted && reason != "SLOT_TAKEN");
                if (!transient || stop.IsCancellationRequested || clock.Elapsed - first + backoff > FaultPlan.Budget)
                {
                    return (null, error.StatusCode == StatusCode.FailedPrecondition ? nameof(StatusCode.FailedPrecondition) : reason ?? error.StatusCode.ToString());
                }
            }

            // Backoff between retries, as a client should; not synchronisation.
            await Task.Delay(backoff, CancellationToken.None);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
        }
    }

    private static string? ReasonOf(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;

    /// <summary>Every acknowledged booking exactly once in the office's calendar and in its huvudman's own list, under the id it was answered with.</summary>
    private static async Task<FaultCheck> CheckAsync(
        SchedulingService.SchedulingServiceClient scheduling, IReadOnlyList<string> offices, IReadOnlyDictionary<string, Dialogue> acknowledged, ConcurrentBag<string> unanswered)
    {
        var calendar = new List<Dialogue>();
        foreach (var office in offices)
        {
            calendar.AddRange(await AllPagesAsync(scheduling, new ListDialoguesRequest { OfficeId = office, IncludeCancelled = true }));
        }

        var byRequest = calendar.GroupBy(d => d.RequestId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var exactlyOnce = acknowledged.Count(a => byRequest.TryGetValue(a.Key, out var held) && held.Count == 1 && held[0].Equals(a.Value));
        var missing = acknowledged.Count(a => !byRequest.ContainsKey(a.Key));
        var duplicated = byRequest.Count(g => g.Value.Count > 1);
        var unacknowledgedHeld = calendar.Count(d => !acknowledged.ContainsKey(d.RequestId));
        var listsDisagree = 0;
        await Parallel.ForEachAsync(acknowledged.Values.GroupBy(d => d.HuvudmanId), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (group, _) =>
        {
            var own = await AllPagesAsync(scheduling, new ListDialoguesRequest { HuvudmanId = group.Key, IncludeCancelled = true });
            if (own.Count != group.Count() || group.Any(d => !own.Contains(d)))
            {
                Interlocked.Increment(ref listsDisagree);
            }
        });

        return new FaultCheck(acknowledged.Count, calendar.Count, exactlyOnce, missing, duplicated, unacknowledgedHeld, unanswered.Count, listsDisagree);
    }

    private static async Task<List<Dialogue>> AllPagesAsync(SchedulingService.SchedulingServiceClient scheduling, ListDialoguesRequest request)
    {
        var dialogues = new List<Dialogue>();
        request.PageSize = 1000;
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await scheduling.ListDialoguesAsync(request);
            dialogues.AddRange(page.Dialogues);
            if (page.NextPageToken.Length == 0)
            {
                return dialogues;
            }

            request.PageToken = page.NextPageToken;
        }

        throw new InvalidOperationException("ListDialogues did not end within 1,000 pages");
    }
}

/// <summary>What the calendar check found after the run.</summary>
internal sealed record FaultCheck(
    int Acknowledged, int InCalendar, int ExactlyOnce, int Missing, int Duplicated, int UnacknowledgedHeld, int Unanswered, int HuvudmanListsDisagreeing)
{
    public bool Holds => ExactlyOnce == Acknowledged && Missing == 0 && Duplicated == 0 && HuvudmanListsDisagreeing == 0 && UnacknowledgedHeld <= Unanswered;
}
