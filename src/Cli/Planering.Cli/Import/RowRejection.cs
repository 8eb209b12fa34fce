namespace Planering.Cli.Import;

/// <summary>Why one row of the file cannot be imported, in the same field/description shape as the API's BadRequest.</summary>
/// <param name="Row">The line the row starts on (the header is line 1).</param>
public sealed record RowRejection(int Row, string OrganisationNumber, string Field, string Description);
