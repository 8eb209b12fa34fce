namespace Planering.Cli.Import;

/// <summary>What an import did, or would do with <c>--dry-run</c>; the same record is printed as a table or as JSON.</summary>
public sealed record ImportReport
{
    public required string File { get; init; }

    public int Rows { get; init; }

    public int New { get; init; }

    public int Changed { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Rows written in this run (new and changed); 0 when anything was rejected, in a dry run, or for a replay.</summary>
    public int Written { get; init; }

    public bool DryRun { get; init; }

    /// <summary>True when the server had applied these very rows before: nothing was written this time.</summary>
    public bool Replayed { get; init; }

    /// <summary>The server's id of the import (a digest of its rows), when it gives one.</summary>
    public string? ImportId { get; init; }

    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    public IReadOnlyList<RowRejection> Rejected { get; init; } = [];
}
