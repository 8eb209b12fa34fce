namespace Planering.Domain.Errors;

/// <summary>One offending request field (snake_case, as the public API names it) and why it was refused.</summary>
public sealed record FieldViolation(string Field, string Description);
