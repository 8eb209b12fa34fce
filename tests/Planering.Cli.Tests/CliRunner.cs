using Planering.Cli.Hosting;
using Spectre.Console;

namespace Planering.Cli.Tests;

/// <summary>Runs the CLI's real entry point in process, with captured output and a given set of environment variables.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        RunAsync(variables, new LineWriter(), CancellationToken.None, args);

    /// <summary>
    /// A run a test follows while it lasts (watch-forecast): its output goes to <paramref name="output"/>, whose lines
    /// the test can wait for, and <paramref name="cancellationToken"/> is the user's Ctrl-C.
    /// </summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, LineWriter output, CancellationToken cancellationToken, params string[] args)
    {
        using var error = new StringWriter();
        var environment = CliEnvironment.Plain(output, error, name => variables is not null && variables.TryGetValue(name, out var value) ? value : null);
        var exit = await CliApp.RunAsync(args, environment, cancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>As at a terminal: ANSI output and live displays (the rank-sites progress bar) drawn.</summary>
    public static async Task<CliResult> RunInTerminalAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = 160;
        var exit = await CliApp.RunAsync(args, new CliEnvironment(output, error, console, _ => null));
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
