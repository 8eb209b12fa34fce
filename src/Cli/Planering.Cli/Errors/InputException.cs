namespace Planering.Cli.Errors;

/// <summary>
/// Input the CLI refuses before any call: named like the server names a field violation, so a user reads the same
/// shape of message whichever side caught the mistake. Always exit code 2.
/// </summary>
public sealed class InputException : Exception
{
    public InputException()
        : this("input", "is invalid")
    {
    }

    public InputException(string message)
        : this("input", message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "input";
        Description = message;
    }

    public InputException(string field, string description)
        : base($"{field}: {description}")
    {
        Field = field;
        Description = description;
    }

    public string Field { get; }

    public string Description { get; }
}
