using System.Text.Json.Serialization;

namespace Planering.Cli.Import;

/// <summary>What an import did, or would do with <c>--dry-run</c>; the same record is printed as a table or as JSON.</summary>
public sealed record ImportReport
{
    public required string File { get; init; }

    public int Rows { get; init; }

    public int New { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Rows written in this run (new and updated); 0 when anything was rejected.</summary>
    public int Written { get; init; }

    public bool DryRun { get; init; }

    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    public IReadOnlyList<RowRejection> Rejected { get; init; } = [];

    /// <summary>Set when a write failed after every check passed (the server went away, or its rules changed meanwhile).</summary>
    public WriteFailure? StoppedAt { get; init; }
}

/// <summary>The row a write failed on, the error line, and the exit code that error gives.</summary>
public sealed record WriteFailure(int Row, string OrganisationNumber, string Error, [property: JsonIgnore] int ExitCode);
