using Planering.Domain.Registry;

namespace Planering.Grains.Registry;

/// <summary>What a caller sends to create or change a huvudman; the key of the grain is its organisation number.</summary>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanUpsert")]
public sealed record HuvudmanUpsert(
    [property: Id(0)] string? Name,
    [property: Id(1)] HuvudmanType Type,
    [property: Id(2)] string? Kommunkod,
    [property: Id(3)] GeoPoint? Position,
    [property: Id(4)] int Pupils,
    [property: Id(5)] bool Synthetic,
    [property: Id(6)] bool OrganisationNumberSynthetic = false);

/// <summary>A huvudman as stored and returned.</summary>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanRecord")]
public sealed record HuvudmanRecord(
    [property: Id(0)] string OrganisationNumber,
    [property: Id(1)] string Name,
    [property: Id(2)] HuvudmanType Type,
    [property: Id(3)] string Kommunkod,
    [property: Id(4)] string Lanskod,
    [property: Id(5)] GeoPoint Position,
    [property: Id(6)] int Pupils,
    [property: Id(7)] bool Synthetic,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] bool OrganisationNumberSynthetic = false)
{
    /// <summary>True when the number was generated; a synthetic huvudman stored before the flag existed counts too.</summary>
    public bool HasSyntheticOrganisationNumber => OrganisationNumberSynthetic || Synthetic;
}

/// <summary>A huvudman as it appears in listings: its record and the office it is assigned to (if any yet).</summary>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanListing")]
public sealed record HuvudmanListing(
    [property: Id(0)] HuvudmanRecord Huvudman,
    [property: Id(1)] string? OfficeId);

/// <summary>Which huvudmän a listing wants; an empty field does not filter.</summary>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanFilter")]
public sealed record HuvudmanFilter(
    [property: Id(0)] string? Lanskod,
    [property: Id(1)] string? Kommunkod,
    [property: Id(2)] string? OfficeId,
    [property: Id(3)] HuvudmanType? Type)
{
    public bool Matches(HuvudmanListing listing) =>
        (Lanskod is null || listing.Huvudman.Lanskod == Lanskod)
        && (Kommunkod is null || listing.Huvudman.Kommunkod == Kommunkod)
        && (OfficeId is null || listing.OfficeId == OfficeId)
        && (Type is null || listing.Huvudman.Type == Type);
}

/// <summary>One page of a huvudman listing, in (kommunkod, organisation number) order.</summary>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanPage")]
public sealed record HuvudmanPage(
    [property: Id(0)] IReadOnlyList<HuvudmanListing> Items,
    [property: Id(1)] string? NextPageToken,
    [property: Id(2)] int TotalSize);

/// <summary>One kommun shard's part of a listing: the matching entries after a position, and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanShardPage")]
public sealed record HuvudmanShardPage(
    [property: Id(0)] IReadOnlyList<HuvudmanListing> Items,
    [property: Id(1)] int Matching);
