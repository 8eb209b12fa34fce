using Microsoft.Extensions.Options;

namespace Planering.Gateway.Hosting;

/// <summary>
/// A host started with a bad setting ends with one line per bad setting on standard error (the setting, its value,
/// what is allowed) and exit code 2, as a usage mistake does; not with an unhandled exception, a stack trace and 134.
/// </summary>
public static class SettingsFailure
{
    /// <summary>The exit code of a start refused for its settings.</summary>
    public const int ExitCode = 2;

    /// <summary>Runs <paramref name="host"/>; a bad setting found while it builds or starts is reported and gives <see cref="ExitCode"/>.</summary>
    public static async Task<int> RunAsync(string program, TextWriter error, Func<Task<int>> host)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            return await host();
        }
        catch (Exception exception) when (Find(exception) is { } invalid)
        {
            foreach (var failure in invalid.Failures)
            {
                await error.WriteLineAsync($"{program}: invalid setting: {failure}");
            }

            await error.WriteLineAsync($"{program}: not started; settings are described in README.md, \"Settings\"");
            return ExitCode;
        }
    }

    /// <summary>The options failure behind <paramref name="exception"/> (hosting wraps start-up failures).</summary>
    private static OptionsValidationException? Find(Exception exception) => exception switch
    {
        OptionsValidationException invalid => invalid,
        AggregateException { InnerExceptions: [var only] } => Find(only),
        { InnerException: { } inner } => Find(inner),
        _ => null,
    };
}
