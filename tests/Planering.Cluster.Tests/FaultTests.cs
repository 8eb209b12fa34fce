using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Orleans.Runtime;
using Planering.Contracts.V1;
using Planering.Domain.Scheduling;
using Planering.Gateway.Hosting;
using Planering.Grains.Registry;
using Xunit.Abstractions;

namespace Planering.Cluster.Tests;

/// <summary>
/// Issue 6, "no booking lost or doubled when a silo dies": a silo of a two-silo PostgreSQL cluster is killed while
/// callers book through a stand-alone gateway and the other silo's API, retrying as the API asks them to.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class FaultTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Callers = 8;
    private const int BookingsPerCaller = 5;

    /// <summary>The silo dies once this many bookings have been acknowledged, so load runs on both sides of the crash.</summary>
    private const int KillAfter = Callers * BookingsPerCaller / 3;

    /// <summary>Refusals a caller takes for one huvudman (another caller won the slot) before the test calls it stuck.</summary>
    private const int MaxRefusals = 25;

    [Fact]
    public async Task A_silo_killed_under_load_loses_no_acknowledged_booking_and_doubles_none()
    {
        var clock = Stopwatch.StartNew();
        var database = await postgres.SeededDatabaseAsync();
        var clusterId = $"fault-{Guid.NewGuid():N}";

        // The survivor runs in this process; the victim in a process of its own, so that it can be killed for real.
        await using var survivor = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await using var victimProcess = SiloProcess.Start(database, clusterId);
        await victimProcess.WaitForApiAsync(TimeSpan.FromSeconds(60));
        await survivor.WaitForActiveSilosAsync(2);
        var victim = survivor.ActiveSilos().Single(s => s.Endpoint.Port == victimProcess.SiloPort);
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1} s  the victim silo process has joined");
        await using var gateway = await Node.StartGatewayAsync(database, clusterId);

        // The office's calendar, the single writer every booking passes through, is to die with the victim: take the
        // first office id whose grain the cluster places there.
        var officeId = await OfficeIdPlacedOnAsync(victim, victimProcess, survivor);
        var huvudman = await SchedulingArrange.OfficeWithHuvudmanAsync(gateway.Registry, officeId, "1280", advisors: 6, huvudman: Callers * BookingsPerCaller);
        Assert.Equal(victim, await survivor.WhereIsAsync(survivor.Grains.GetGrain<IRegionalOfficeGrain>(officeId)));

        var ledger = new CallLedger();
        var caller = new RetryingCaller(ledger, attemptDeadline: TimeSpan.FromSeconds(5), budget: TimeSpan.FromSeconds(60));
        var acknowledged = new ConcurrentDictionary<string, Dialogue>(StringComparer.Ordinal);
        var refusedRequests = new ConcurrentBag<string>();
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1} s  office {officeId} on the victim, {huvudman.Count} huvudmän");

        // Half the callers book through the stand-alone gateway, half through the surviving silo's co-hosted API; two
        // callers start from each week, so they also compete for slots.
        var callers = Enumerable.Range(0, Callers).Select(i => Task.Run(() => BookAllAsync(
            i % 2 == 0 ? gateway.Scheduling : survivor.Scheduling,
            i % 2 == 0 ? survivor.Scheduling : gateway.Scheduling,
            huvudman.Skip(i * BookingsPerCaller).Take(BookingsPerCaller).ToList(),
            SchedulingArrange.QuietAutumnMonday.AddDays(7 * (i / 2))))).ToList();

        await killNow.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await victimProcess.KillAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1} s  killed {victim} after {acknowledged.Count} acknowledged bookings");
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(150));
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1} s  every caller done; answers:{Environment.NewLine}{ledger.Summary()}");

        // Every call got a definitive, contractual answer; the crash was felt (calls failed over and were retried).
        Assert.Empty(ledger.Violations);
        Assert.Equal(huvudman.Count, acknowledged.Count);
        Assert.True(ledger.Count(StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Aborted) > 0, "no call noticed the crash");

        // The survivor declared the victim dead by its own vote: the victim never said goodbye.
        await survivor.WaitForActiveSilosAsync(1);
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1} s  the survivor sees one active silo");
        var hosts = await survivor.Grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var dead = Assert.Single(hosts, h => h.SiloAddress.Equals(victim));
        Assert.Equal(SiloStatus.Dead, dead.Status);
        Assert.Contains(dead.SuspectTimes ?? [], vote => vote.Item1.Equals(survivor.SiloAddress));
        Assert.Empty(survivor.FatalErrors);

        // The office's calendar holds exactly the acknowledged bookings, each under the id its request was answered with.
        var calendar = await SchedulingArrange.OfficeDialoguesAsync(gateway.Scheduling, officeId);
        Assert.Equal(acknowledged.Count, calendar.Count);
        Assert.Equal(calendar.Count, calendar.Select(d => d.DialogueId).Distinct().Count());
        foreach (var (requestId, answered) in acknowledged)
        {
            var held = Assert.Single(calendar, d => d.RequestId == requestId);
            Assert.Equal(answered, held);
            Assert.Equal(DialogueIds.For(officeId, requestId), held.DialogueId);
            Assert.Equal(DialogueStatus.Booked, held.Status);
        }

        Assert.DoesNotContain(calendar, d => refusedRequests.Contains(d.RequestId));
        CalendarAssert.NoSlotHeldTwice(calendar);

        // Each huvudman's own list shows its one acknowledged booking, identical to the office's record, and nothing else.
        foreach (var number in huvudman)
        {
            var own = await SchedulingArrange.HuvudmanDialoguesAsync(gateway.Scheduling, number);
            Assert.Equal(Assert.Single(acknowledged.Values, d => d.HuvudmanId == number), Assert.Single(own));
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1} s  calendars checked");

        // One caller: for each of its huvudmän, find the next slot and book it; when another caller took the slot first,
        // find again and book under a new request id. Every acknowledged booking is sent once more through the other
        // endpoint, as a client that never saw the answer would, and must come back as the same dialogue.
        async Task BookAllAsync(
            SchedulingService.SchedulingServiceClient scheduling, SchedulingService.SchedulingServiceClient other, IReadOnlyList<string> mine, DateOnly earliest)
        {
            foreach (var number in mine)
            {
                for (var attempt = 0; ; attempt++)
                {
                    if (attempt == MaxRefusals)
                    {
                        ledger.Violation($"{number} was refused {MaxRefusals} times in a row");
                        break;
                    }

                    var found = await caller.CallAsync("FindNextSlot", o => scheduling.FindNextSlotAsync(SchedulingArrange.Find(number, officeId, earliest), o));
                    if (found.Outcome != Outcome.Ok)
                    {
                        ledger.Violation($"{number}: FindNextSlot ended {found.Outcome} ({found.Error?.StatusCode})");
                        break;
                    }

                    var request = new BookDialogueRequest { RequestId = $"krasch-{number}-{attempt}", HuvudmanId = number, Slot = found.Value!.Slot };
                    var booked = await caller.CallAsync("BookDialogue", o => scheduling.BookDialogueAsync(request, o));
                    if (booked.Outcome == Outcome.Refused)
                    {
                        refusedRequests.Add(request.RequestId);
                        continue;
                    }

                    if (booked.Outcome == Outcome.Ok)
                    {
                        acknowledged[request.RequestId] = booked.Value!;
                        if (acknowledged.Count >= KillAfter)
                        {
                            killNow.TrySetResult();
                        }

                        var again = await caller.CallAsync("BookDialogue", o => other.BookDialogueAsync(request, o));
                        // The same dialogue; only the answer's replayed mark (set on a retry) may differ.
                        if (again.Outcome != Outcome.Ok || !Unmarked(again.Value!).Equals(Unmarked(booked.Value!)))
                        {
                            ledger.Violation($"{request.RequestId} sent again answered {again.Outcome} {again.Error?.StatusCode} {again.Value?.DialogueId} instead of {booked.Value!.DialogueId}");
                        }
                    }

                    break;
                }
            }
        }
    }

    /// <summary>
    /// An office id whose grain the cluster has placed on <paramref name="silo"/>. Asking for an unknown office activates
    /// its grain; asked through the silo's own API, Orleans' resource-optimised placement keeps it there unless the silo
    /// looks busier than the others, as a freshly started process does for a moment. So new ids are tried until one
    /// stays, for at most 30 s.
    /// </summary>
    private static async Task<string> OfficeIdPlacedOnAsync(SiloAddress silo, SiloProcess process, Node survivor)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var candidate = 1; DateTime.UtcNow < deadline; candidate++)
        {
            var officeId = $"krasch-{candidate}";
            var error = await Assert.ThrowsAsync<RpcException>(() => process.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = officeId }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, error.StatusCode);
            if (silo.Equals(await survivor.WhereIsAsync(survivor.Grains.GetGrain<IRegionalOfficeGrain>(officeId))))
            {
                return officeId;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new InvalidOperationException($"no office grain was placed on {silo} within 30 s");
    }

    private static Dialogue Unmarked(Dialogue dialogue)
    {
        var copy = dialogue.Clone();
        copy.Replayed = false;
        return copy;
    }
}
