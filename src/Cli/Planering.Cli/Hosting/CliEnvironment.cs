using Spectre.Console;

namespace Planering.Cli.Hosting;

/// <summary>
/// Everything the CLI touches outside itself: where output and errors go, how tables are drawn, and the environment
/// variables. Tests give their own writers and variables, so the same entry point runs in process.
/// </summary>
public sealed class CliEnvironment
{
    public CliEnvironment(TextWriter output, TextWriter error, IAnsiConsole console, Func<string, string?> variable)
    {
        Output = output;
        Error = error;
        Console = console;
        Variable = variable;
    }

    /// <summary>Where machine-readable output (<c>--json</c>) is written, unchanged by any console rendering.</summary>
    public TextWriter Output { get; }

    /// <summary>Where the one-line error (and notes such as a generated request id) is written.</summary>
    public TextWriter Error { get; }

    /// <summary>Tables, progress bars and other human output, drawn onto <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    public Func<string, string?> Variable { get; }

    /// <summary>The real process: standard output and error, the terminal's abilities, the process environment.</summary>
    public static CliEnvironment FromProcess()
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });

        // Redirected output has no width; 80 columns would wrap the wider tables, and a file or pipe has no edge.
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return new CliEnvironment(System.Console.Out, System.Console.Error, console, Environment.GetEnvironmentVariable);
    }

    /// <summary>Plain text without colours or cursor movement, as a test or a log file wants it.</summary>
    public static CliEnvironment Plain(TextWriter output, TextWriter error, Func<string, string?> variable, int width = 200)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return new CliEnvironment(output, error, console, variable);
    }
}
