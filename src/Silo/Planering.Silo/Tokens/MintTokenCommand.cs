using System.Globalization;
using Microsoft.Extensions.Options;
using Planering.Gateway.Security;

namespace Planering.Silo.Tokens;

/// <summary>
/// <c>mint-token</c>: prints a bearer token for the local API, signed with the key the silo uses (the data directory's
/// key file, created here if the silo never ran; or the configured <c>Planering:Auth:SigningKey</c>/<c>SigningKeyFile</c>).
/// It starts nothing, so it works with the silo stopped or running.
/// </summary>
public static class MintTokenCommand
{
    public const string Name = "mint-token";

    public const string Usage =
        "usage: mint-token --role viewer|scheduler|planner [--role …] [--subject NAME] [--hours N] [--Planering:Setting=value …]";

    /// <returns>The process exit code: 0 with the token on <paramref name="output"/>, 2 with the reason on <paramref name="error"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(clock);
        var roles = new List<string>();
        var subject = Environment.UserName;
        var hours = TokenMinter.DefaultLifetime.TotalHours;
        var settings = new List<string>();
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                var (name, inline) = args[i].Split('=', 2) is [var n, var v] && !n.Contains(':', StringComparison.Ordinal) ? (n, v) : (args[i], null);
                switch (name)
                {
                    case "--role":
                        roles.Add(inline ?? Next(args, ref i, name));
                        break;
                    case "--subject":
                        subject = inline ?? Next(args, ref i, name);
                        break;
                    case "--hours":
                        var text = inline ?? Next(args, ref i, name);
                        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out hours) || hours <= 0 || hours > TokenMinter.MaxLifetime.TotalHours)
                        {
                            throw new ArgumentException($"--hours '{text}' must be a number of hours above 0 and at most {TokenMinter.MaxLifetime.TotalHours:F0}");
                        }

                        break;
                    case "--help" or "-h":
                        output.WriteLine(Usage);
                        return 0;
                    default:
                        // Anything else is a setting, as the silo itself takes them: --Planering:Storage:SqlitePath=…
                        settings.Add(args[i]);
                        break;
                }
            }

            // The same configuration sources as the silo (appsettings.json, Planering__* variables, the command line).
            var configuration = WebApplication.CreateBuilder(settings.ToArray()).Configuration;
            output.WriteLine(TokenMinter.MintLocal(configuration, subject, roles, TimeSpan.FromHours(hours), clock.GetUtcNow()));
            return 0;
        }
        catch (Exception exception) when (exception is ArgumentException or OptionsValidationException or FormatException)
        {
            var message = exception is ArgumentException { ParamName: { } parameter } argument
                ? argument.Message.Replace($" (Parameter '{parameter}')", string.Empty, StringComparison.Ordinal)
                : exception.Message;
            error.WriteLine($"mint-token: {message}");
            error.WriteLine(Usage);
            return 2;
        }
    }

    private static string Next(string[] args, ref int i, string name) =>
        ++i < args.Length && !args[i].StartsWith("--", StringComparison.Ordinal) ? args[i] : throw new ArgumentException($"{name} needs a value");
}
