using System.CommandLine;
using Google.Protobuf;
using Planering.Cli.Output;
using Spectre.Console;

namespace Planering.Cli.Hosting;

/// <summary>One run of one command: its parsed values, where to write, and the connection, opened on first use.</summary>
public sealed class Invocation(ParseResult parse, CliEnvironment environment, GlobalOptions globals) : IDisposable
{
    private ServerConnection? _server;

    public ParseResult Parse => parse;

    public CliEnvironment Environment => environment;

    public IAnsiConsole Console => environment.Console;

    public bool Json => parse.GetValue(globals.Json);

    public string ServerAddress => parse.GetValue(globals.Server) ?? GlobalOptions.DefaultServer;

    public ServerConnection Server => _server ??= new ServerConnection(ServerAddress, globals.TokenOf(parse));

    public T? Value<T>(Option<T> option) => parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => parse.GetValue(argument);

    /// <summary>True when the user gave the option, as opposed to it taking its default.</summary>
    public bool Given(Option option) => parse.GetResult(option) is { Implicit: false };

    public void WriteJson(IMessage message) => environment.Output.WriteLine(JsonOutput.Format(message));

    /// <summary>One message of a stream as one line (NDJSON), flushed so a pipe sees it as it comes.</summary>
    public void WriteJsonLine(IMessage message)
    {
        environment.Output.WriteLine(JsonOutput.FormatLine(message));
        environment.Output.Flush();
    }

    /// <summary>A note for the person at the terminal that must not mix into JSON on standard output.</summary>
    public void Note(string text) => environment.Error.WriteLine(text);

    public void Dispose() => _server?.Dispose();
}
