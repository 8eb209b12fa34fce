using Microsoft.Extensions.Options;

namespace Planering.Gateway.Hosting;

/// <summary>Reads an options section once at start and refuses to start on a bad value, naming the setting.</summary>
public static class OptionsCheck
{
    public static T Read<T>(IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : class, new()
    {
        T options;
        try
        {
            options = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException exception)
        {
            // The binder's message names the setting and the type it could not convert to (an unknown enum name, say).
            throw new OptionsValidationException(section, typeof(T), [exception.Message]);
        }

        var found = problems(options).ToList();
        if (found.Count > 0)
        {
            throw new OptionsValidationException(section, typeof(T), found);
        }

        return options;
    }
}
