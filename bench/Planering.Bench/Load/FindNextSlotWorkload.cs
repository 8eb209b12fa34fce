using System.Globalization;
using Grpc.Core;
using Planering.Contracts.V1;
using Planering.Domain.World;

namespace Planering.Bench.Load;

/// <summary>
/// Realistic FindNextSlot questions: a seeded huvudman drawn at random, digital or on site, from an earliest date two to
/// five months ahead — the scheduler planning next term. Drawn from a fixed seed, so every run asks the same.
/// </summary>
/// <remarks>
/// A few huvudmän lie so far from their office that no on-site trip fits a working day; the service rightly answers
/// FAILED_PRECONDITION for them. A scheduler would not keep asking that, so those ask digital instead, and every call
/// of a load run is one that finds a slot.
/// </remarks>
public sealed class FindNextSlotWorkload
{
    private readonly FindNextSlotRequest[] _requests;

    private FindNextSlotWorkload(DateOnly today, IReadOnlySet<string> digitalOnly, int count, int seed)
    {
        var huvudman = WorldSeed.Huvudman(SwedishGeography.Sweden);
        var random = new Random(seed);
        DigitalOnly = digitalOnly.Count;
        _requests = Enumerable.Range(0, count).Select(_ =>
        {
            var id = huvudman[random.Next(huvudman.Count)].OrganisationNumber.Value;
            var onSite = random.Next(2) == 0 && !digitalOnly.Contains(id);
            return new FindNextSlotRequest
            {
                HuvudmanId = id,
                EarliestDate = Date(today.AddDays(random.Next(60, 150))),
                Mode = onSite ? DialogueMode.OnSite : DialogueMode.Digital,
            };
        }).ToArray();
    }

    /// <summary>How many seeded huvudmän have no feasible on-site slot and therefore ask digital.</summary>
    public int DigitalOnly { get; }

    public int Count => _requests.Length;

    /// <summary>
    /// Asks the running service once per seeded huvudman for an on-site slot (which also activates every huvudman grain
    /// before anything is measured), then draws the requests.
    /// </summary>
    public static async Task<FindNextSlotWorkload> CreateAsync(SchedulingService.SchedulingServiceClient client, DateOnly today, int count = 4096, int seed = 20_270_301)
    {
        ArgumentNullException.ThrowIfNull(client);
        var digitalOnly = new HashSet<string>(StringComparer.Ordinal);
        var probe = Date(today.AddDays(60));
        foreach (var chunk in WorldSeed.Huvudman(SwedishGeography.Sweden).Chunk(32))
        {
            var answers = await Task.WhenAll(chunk.Select(async h =>
            {
                try
                {
                    await client.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = h.OrganisationNumber.Value, EarliestDate = probe, Mode = DialogueMode.OnSite });
                    return null;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    return h.OrganisationNumber.Value;
                }
            }));
            digitalOnly.UnionWith(answers.OfType<string>());
        }

        return new FindNextSlotWorkload(today, digitalOnly, count, seed);
    }

    /// <summary>Digital requests only: they need no probe (no trip to fit), for a smoke run that must be quick.</summary>
    public static FindNextSlotWorkload Digital(DateOnly today, int count = 64, int seed = 20_270_301) =>
        new(today, WorldSeed.Huvudman(SwedishGeography.Sweden).Select(h => h.OrganisationNumber.Value).ToHashSet(StringComparer.Ordinal), count, seed);

    /// <summary>The request for a call; successive calls walk the pool, so callers do not repeat each other in step.</summary>
    public FindNextSlotRequest For(long sequence) => _requests[(int)(sequence % _requests.Length)];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
