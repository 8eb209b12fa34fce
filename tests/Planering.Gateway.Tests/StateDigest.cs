using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Gateway.Tests;

/// <summary>
/// A fingerprint of the whole live state, read through the public API: every huvudman with its assigned office (the
/// plan's assignment) and update time, every office with its staff, every dialogue including cancelled ones, and the
/// school holidays of the kommuner and years a test touched. Each part is hashed on its own so a failed comparison
/// shows which part changed. Protobuf's C# encoding of these messages (no maps) is deterministic.
/// </summary>
internal sealed record StateDigest(int Huvudman, string HuvudmanSha256, int Offices, string OfficesSha256, int Dialogues, string DialoguesSha256, string HolidaysSha256)
{
    public static async Task<StateDigest> ReadAsync(ApiFixture api, IEnumerable<(string Kommunkod, int Year)> holidays)
    {
        var huvudman = new List<Huvudman>();
        var token = string.Empty;
        do
        {
            var page = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 1000, PageToken = token });
            huvudman.AddRange(page.Huvudman);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var dialogues = new List<Dialogue>();
        do
        {
            var page = await api.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { PageSize = 1000, PageToken = token, IncludeCancelled = true });
            dialogues.AddRange(page.Dialogues);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var offices = (await api.Registry.ListOfficesAsync(new ListOfficesRequest())).Offices;
        var lov = new List<SchoolHolidays>();
        foreach (var (kommunkod, year) in holidays.Distinct().Order())
        {
            lov.Add(await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = kommunkod, Year = year }));
        }

        return new StateDigest(
            huvudman.Count, Hash(huvudman.OrderBy(h => h.OrganisationNumber, StringComparer.Ordinal)),
            offices.Count, Hash(offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal)),
            dialogues.Count, Hash(dialogues.OrderBy(d => d.DialogueId, StringComparer.Ordinal)),
            Hash(lov));
    }

    /// <summary>
    /// The digest once the state has settled: office and staffing changes re-solve the plan a moment later (debounced),
    /// so a test that just arranged some must let that happen before it takes its "before".
    /// </summary>
    public static async Task<StateDigest> ReadSettledAsync(ApiFixture api, IEnumerable<(string Kommunkod, int Year)> holidays)
    {
        var touched = holidays.ToList();
        var previous = await ReadAsync(api, touched);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(Quiet);
            var current = await ReadAsync(api, touched);
            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        throw new Xunit.Sdk.XunitException("the state kept changing for a minute");
    }

    /// <summary>Longer than the planning grain's debounce of office changes (<c>PlanningGrain.RebalanceDelay</c>, 2 s).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    private static string Hash(IEnumerable<IMessage> messages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var message in messages)
        {
            // A length prefix keeps the concatenation unambiguous.
            var bytes = message.ToByteArray();
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
