using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using Planering.Contracts.V1;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;

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
    /// The digest once the state is at rest: office, staffing and calendar changes re-solve the plan a moment later
    /// (debounced), so a test that just arranged some takes its "before" only when the planning grain says no re-solve is
    /// due or running (<see cref="IPlanningGrain.RebalancePendingAsync"/>). Waiting is for that answer, not for time
    /// to pass; every other change a call makes is stored before the call returns.
    /// </summary>
    public static async Task<StateDigest> ReadSettledAsync(ApiFixture api, IEnumerable<(string Kommunkod, int Year)> holidays)
    {
        var planning = api.Grains.GetGrain<IPlanningGrain>(GrainKeys.Sweden);
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await planning.RebalancePendingAsync())
        {
            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException("the plan was still waiting for or running a re-solve after two minutes");
            }

            await Task.Delay(50);
        }

        return await ReadAsync(api, holidays);
    }

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
