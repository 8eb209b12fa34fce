using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using Xunit.Abstractions;

namespace Planering.Cluster.Tests;

/// <summary>
/// Many callers at once, through two stand-alone gateways and the co-hosted APIs of both silos, all wanting the same
/// few slots of one office: the office grain is the single writer of its calendar wherever the calls come from.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class LoadTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const string OfficeId = "trangsel";
    private const int Callers = 32;
    private const int Slots = 8;

    [Fact]
    public async Task Contested_slots_booked_through_gateways_on_both_silos_go_to_exactly_one_caller_each()
    {
        var database = await postgres.SeededDatabaseAsync();
        var clusterId = $"load-{Guid.NewGuid():N}";
        await using var a = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await using var b = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await Task.WhenAll(a.WaitForActiveSilosAsync(2), b.WaitForActiveSilosAsync(2));
        await using var first = await Node.StartGatewayAsync(database, clusterId);
        await using var second = await Node.StartGatewayAsync(database, clusterId);
        Node[] endpoints = [first, second, a, b];

        var huvudman = await SchedulingArrange.OfficeWithHuvudmanAsync(first.Registry, OfficeId, "0180", advisors: 4, huvudman: Callers);

        // One free slot in each of eight quiet weeks; a slot found for one huvudman suits them all (same kommun and size).
        var slots = new List<Slot>();
        for (var week = 0; week < Slots; week++)
        {
            var earliest = SchedulingArrange.QuietAutumnMonday.AddDays(7 * week);
            slots.Add((await first.Scheduling.FindNextSlotAsync(SchedulingArrange.Find(huvudman[0], OfficeId, earliest))).Slot);
        }

        Assert.Equal(Slots, slots.Select(s => (s.Date, s.LocalStart)).Distinct().Count());

        // Each caller tries the slots in its own rotation, from slot (i mod 8), until one is its own; every request is
        // sent twice, as a client unsure whether its first call arrived would. The four callers that start on one slot
        // come through four different endpoints.
        var answers = new ConcurrentBag<(int Caller, int Slot, string RequestId, Dialogue? Dialogue, RpcException? Error)>();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, Callers).Select(i => Task.Run(async () =>
        {
            var scheduling = endpoints[i / Slots % endpoints.Length].Scheduling;
            await go.Task;
            for (var step = 0; step < Slots; step++)
            {
                var slot = (i + step) % Slots;
                var request = new BookDialogueRequest { RequestId = $"trangsel-{i}-{slot}", HuvudmanId = huvudman[i], Slot = slots[slot] };
                var won = false;
                for (var send = 0; send < 2; send++)
                {
                    try
                    {
                        var dialogue = await scheduling.BookDialogueAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
                        answers.Add((i, slot, request.RequestId, dialogue, null));
                        won = true;
                    }
                    catch (RpcException error)
                    {
                        answers.Add((i, slot, request.RequestId, null, error));
                    }
                }

                if (won)
                {
                    return;
                }
            }
        })).ToList();
        go.SetResult();
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"{answers.Count} BookDialogue calls from {Callers} callers in {run.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(string.Join(Environment.NewLine, answers
            .GroupBy(x => (Status: x.Error?.StatusCode ?? StatusCode.OK, Reason: x.Error is null ? string.Empty : RetryingCaller.ReasonOf(x.Error)))
            .Select(g => $"  {g.Key.Status,-18} {g.Key.Reason,-12} {g.Count(),5}")));

        // Every call was answered with success or a definitive refusal: never INTERNAL, UNKNOWN, UNAVAILABLE or a timeout.
        Assert.All(answers.Where(x => x.Error is not null), x => Assert.True(
            x.Error!.StatusCode == StatusCode.FailedPrecondition || (x.Error.StatusCode == StatusCode.Aborted && RetryingCaller.ReasonOf(x.Error) == "SLOT_TAKEN"),
            $"{x.RequestId}: {x.Error.StatusCode} {x.Error.Status.Detail}"));

        // Exactly one winner per slot, each answered the same dialogue both times it asked; every caller won at most once.
        var wins = answers.Where(x => x.Dialogue is not null).ToList();
        Assert.All(Enumerable.Range(0, Slots), slot =>
        {
            var request = Assert.Single(wins.Where(x => x.Slot == slot).Select(x => x.RequestId).Distinct());
            // The same dialogue; only the answer's replayed mark (set on the second ask) may differ.
            Assert.All(answers.Where(x => x.RequestId == request), x => Assert.Equal(Unmarked(wins.First(w => w.RequestId == request).Dialogue), Unmarked(x.Dialogue)));
        });
        Assert.Equal(Slots, wins.Select(x => x.Caller).Distinct().Count());

        // The calendar holds exactly the eight winners and nothing twice, whichever endpoint asked.
        var calendar = await SchedulingArrange.OfficeDialoguesAsync(b.Scheduling, OfficeId);
        Assert.Equal(
            wins.Select(x => x.Dialogue!.DialogueId).Distinct().Order(StringComparer.Ordinal),
            calendar.Select(d => d.DialogueId).Order(StringComparer.Ordinal));
        Assert.All(calendar, d => Assert.Equal(DialogueStatus.Booked, d.Status));
        CalendarAssert.NoSlotHeldTwice(calendar);
    }

    private static Dialogue? Unmarked(Dialogue? dialogue)
    {
        if (dialogue is null)
        {
            return null;
        }

        var copy = dialogue.Clone();
        copy.Replayed = false;
        return copy;
    }
}
