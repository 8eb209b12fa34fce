using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Cluster.Tests;

/// <summary>
/// A fingerprint of everything the registry and the calendars hold, read through the public API: every huvudman (all
/// pages of ListHuvudman), every office (ListOffices), each in id order, and every dialogue of every office, cancelled
/// ones included (all pages of ListDialogues without an office, in dialogue id order). Protobuf's C# encoding of a
/// message without maps or unknown fields is deterministic (fields in number order), so equal state gives equal digests.
/// </summary>
public sealed record RegistryDigest(int Huvudman, int Offices, int Dialogues, string Sha256)
{
    public static async Task<RegistryDigest> ReadAsync(Node node)
    {
        var huvudman = new List<Huvudman>();
        var token = string.Empty;
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await node.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 1000, PageToken = token });
            huvudman.AddRange(page.Huvudman);
            token = page.NextPageToken;
            if (token.Length == 0)
            {
                break;
            }
        }

        var offices = (await node.Registry.ListOfficesAsync(new ListOfficesRequest())).Offices;
        var dialogues = await SchedulingArrange.AllDialoguesAsync(node.Scheduling);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var message in huvudman.OrderBy(h => h.OrganisationNumber, StringComparer.Ordinal).Cast<IMessage>()
                     .Concat(offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal))
                     .Concat(dialogues.OrderBy(d => d.DialogueId, StringComparer.Ordinal)))
        {
            // A length prefix keeps the concatenation unambiguous.
            var bytes = message.ToByteArray();
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return new RegistryDigest(huvudman.Count, offices.Count, dialogues.Count, Convert.ToHexString(hash.GetHashAndReset()));
    }
}
