using Planering.Domain.Registry;

namespace Planering.Grains.Registry;

/// <summary>One row of a register import as it crosses grain calls (not yet checked).</summary>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanImportRow")]
public sealed record HuvudmanImportRow(
    [property: Id(0)] string OrganisationNumber,
    [property: Id(1)] HuvudmanUpsert Upsert);

/// <summary>What an import did, or would do in a dry run.</summary>
/// <param name="Replayed">True when the same rows (the same digest) were committed before.</param>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanImportResult")]
public sealed record HuvudmanImportResult(
    [property: Id(0)] string ImportId,
    [property: Id(1)] int Rows,
    [property: Id(2)] int New,
    [property: Id(3)] int Changed,
    [property: Id(4)] int Unchanged,
    [property: Id(5)] bool DryRun,
    [property: Id(6)] bool Replayed);

/// <summary>What one huvudman grain answers when an import offers it a row.</summary>
/// <param name="PreviousKommunkod">The kommun it was registered in before, when the row moves it to another.</param>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanImportOutcome")]
public sealed record HuvudmanImportOutcome(
    [property: Id(0)] ImportChange Change,
    [property: Id(1)] HuvudmanRecord Record,
    [property: Id(2)] string? PreviousKommunkod);

/// <summary>
/// Applies whole huvudman registers, one import at a time (key: <c>sweden</c>; the grain is not reentrant, so two
/// imports never interleave). An import is staged in every grain it touches, invisible, then committed by one write of
/// this grain; each participant then shows its part, and one that missed the news asks <see cref="IsCommittedAsync"/>
/// when it next activates or is read. See docs/huvudman-import.md.
/// </summary>
[Alias("planering.IHuvudmanImportGrain")]
public interface IHuvudmanImportGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks every row (InvalidArgument naming <c>rows[i].field</c>, nothing written), then stages and commits them;
    /// <paramref name="importId"/> is the rows' digest. Rows equal to the stored huvudmän are not written, so a repeated import writes nothing.
    /// </summary>
    [Alias("Import")]
    [ResponseTimeout("00:10:00")]
    Task<HuvudmanImportResult> ImportAsync(string importId, IReadOnlyList<HuvudmanImportRow> rows, bool dryRun);

    /// <summary>Whether an import was committed; asked by participants while an import runs, so it interleaves.</summary>
    [Alias("IsCommitted"), AlwaysInterleave]
    Task<bool> IsCommittedAsync(string importId);
}
