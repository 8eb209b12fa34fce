using Planering.Contracts.V1;

namespace Planering.Cli.Import;

/// <summary>A row that passed the local checks, ready to send.</summary>
/// <param name="Row">The line the row starts on (the header is line 1).</param>
/// <param name="HasPosition">False when the file gave no latitude/longitude for it.</param>
public sealed record HuvudmanRow(int Row, UpsertHuvudmanRequest Request, bool HasPosition);
