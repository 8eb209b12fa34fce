using System.CommandLine;

namespace Planering.Cli.Hosting;

/// <summary>
/// The options every command takes: where the server is, the bearer token, and JSON output. The first two fall back
/// to <c>PLANERING_SERVER</c> and <c>PLANERING_TOKEN</c> so a shell session names them once.
/// </summary>
public sealed class GlobalOptions
{
    public const string DefaultServer = "http://127.0.0.1:5080";
    public const string ServerVariable = "PLANERING_SERVER";
    public const string TokenVariable = "PLANERING_TOKEN";

    public GlobalOptions(CliEnvironment environment)
    {
        Server = new Option<string>("--server")
        {
            Description = $"The Planering gRPC address [env: {ServerVariable}]",
            HelpName = "URL",
            Recursive = true,
            DefaultValueFactory = _ => NonEmpty(environment.Variable(ServerVariable)) ?? DefaultServer,
        };
        // No default value: help prints an option's default, and a token is a secret. The variable is read when the
        // token is used (TokenOf).
        Token = new Option<string?>("--token")
        {
            Description = $"Sent as 'authorization: Bearer TOKEN' [env: {TokenVariable}]",
            HelpName = "TOKEN",
            Recursive = true,
        };
        _environment = environment;
        Json = new Option<bool>("--json")
        {
            Description = "Write the response as JSON (protobuf JSON mapping) instead of tables",
            Recursive = true,
        };
    }

    private readonly CliEnvironment _environment;

    public Option<string> Server { get; }

    public Option<string?> Token { get; }

    public Option<bool> Json { get; }

    /// <summary>The token given with <c>--token</c>, else <c>PLANERING_TOKEN</c>, else none.</summary>
    public string? TokenOf(ParseResult parse) => NonEmpty(parse.GetValue(Token)) ?? NonEmpty(_environment.Variable(TokenVariable));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
