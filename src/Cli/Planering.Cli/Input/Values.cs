using System.Globalization;
using Planering.Cli.Errors;
using Planering.Contracts.V1;

namespace Planering.Cli.Input;

/// <summary>The small value formats the commands accept, each checked before a call so a typo costs no round trip.</summary>
public static class Values
{
    public static string? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : throw new InputException(field, $"'{text}' is not a date YYYY-MM-DD");
    }

    public static string Time(string? text, string field) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : throw new InputException(field, $"'{text}' is not a local time HH:MM");

    public const string ModeHelp = "digital, on-site or any";

    public static readonly string[] ModeNames = ["digital", "on-site", "any"];

    public static DialogueMode Mode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => DialogueMode.Unspecified,
        "digital" => DialogueMode.Digital,
        "on-site" or "onsite" or "on_site" => DialogueMode.OnSite,
        "any" => DialogueMode.Any,
        _ => throw new InputException("--mode", $"'{text}' is not one of {ModeHelp}"),
    };

    public static readonly string[] TypeNames = ["kommun", "enskild", "region", "stat", "municipal", "independent", "state"];

    /// <summary>Swedish register words and the API's English names alike, in any case, with or without the enum prefix.</summary>
    public static bool TryHuvudmanType(string? text, out HuvudmanType type)
    {
        var word = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (word.StartsWith("HUVUDMAN_TYPE_", StringComparison.Ordinal))
        {
            word = word["HUVUDMAN_TYPE_".Length..];
        }

        type = word switch
        {
            "KOMMUN" or "MUNICIPAL" or "KOMMUNAL" => HuvudmanType.Municipal,
            "ENSKILD" or "INDEPENDENT" or "FRISTÅENDE" => HuvudmanType.Independent,
            "REGION" => HuvudmanType.Region,
            "STAT" or "STATE" or "STATLIG" => HuvudmanType.State,
            _ => HuvudmanType.Unspecified,
        };
        return type != HuvudmanType.Unspecified;
    }

    public static string FourDigits(string? text, string field)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length == 4 && trimmed.All(char.IsAsciiDigit) ? trimmed : throw new InputException(field, $"'{text}' is not a four-digit kommun code");
    }

    public static string TwoDigits(string? text, string field)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length == 2 && trimmed.All(char.IsAsciiDigit) ? trimmed : throw new InputException(field, $"'{text}' is not a two-digit län code");
    }

    /// <summary>The lov names as the API's LovKind has them, lower case.</summary>
    public static readonly string[] LovNames = ["sportlov", "pasklov", "hostlov", "jullov", "sommarlov"];

    /// <summary>A lov by the API's name or as Swedish writes it (påsklov, höstlov), in any case, with or without the enum prefix.</summary>
    public static LovKind Lov(string? text, string field)
    {
        var word = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (word.StartsWith("LOV_KIND_", StringComparison.Ordinal))
        {
            word = word["LOV_KIND_".Length..];
        }

        return word switch
        {
            "SPORTLOV" => LovKind.Sportlov,
            "PASKLOV" or "PÅSKLOV" => LovKind.Pasklov,
            "HOSTLOV" or "HÖSTLOV" => LovKind.Hostlov,
            "JULLOV" => LovKind.Jullov,
            "SOMMARLOV" => LovKind.Sommarlov,
            _ => throw new InputException(field, $"'{text}' is not one of {string.Join(", ", LovNames)}"),
        };
    }
}
