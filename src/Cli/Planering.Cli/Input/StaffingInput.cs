using System.Globalization;
using Planering.Cli.Errors;
using Planering.Contracts.V1;

namespace Planering.Cli.Input;

/// <summary>
/// An office's staff as the command line writes it: <c>--advisor ID:NAME:FTE[:DAYS]</c> per advisor and
/// <c>--absence ID:FROM:TO[:REASON]</c> per absence. Everything is checked before the call, naming the option and the
/// value at fault, because the whole staff is replaced at once and a half-understood list must not reach the server.
/// </summary>
public static class StaffingInput
{
    public const string AdvisorOption = "--advisor";
    public const string AbsenceOption = "--absence";

    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static List<Advisor> Advisors(IReadOnlyCollection<string> advisors, IReadOnlyCollection<string> absences)
    {
        if (advisors.Count == 0)
        {
            throw new InputException(AdvisorOption, "give at least one advisor: ID:NAME:FTE[:DAYS] (the staff is replaced as a whole)");
        }

        var byId = new Dictionary<string, Advisor>(StringComparer.Ordinal);
        foreach (var text in advisors)
        {
            var advisor = Advisor(text);
            if (!byId.TryAdd(advisor.AdvisorId, advisor))
            {
                throw new InputException(AdvisorOption, $"'{advisor.AdvisorId}' is given twice");
            }
        }

        foreach (var text in absences)
        {
            var parts = text.Split(':', 4, StringSplitOptions.TrimEntries);
            if (parts.Length < 3)
            {
                throw new InputException(AbsenceOption, $"'{text}' is not ID:FROM:TO[:REASON]");
            }

            var advisor = byId.GetValueOrDefault(parts[0]) ?? throw new InputException(AbsenceOption, $"'{parts[0]}' is not one of the --advisor ids");
            var from = Values.Date(parts[1], AbsenceOption) ?? throw new InputException(AbsenceOption, $"'{text}' has no FROM date");
            var to = Values.Date(parts[2], AbsenceOption) ?? throw new InputException(AbsenceOption, $"'{text}' has no TO date");
            if (string.CompareOrdinal(to, from) < 0)
            {
                throw new InputException(AbsenceOption, $"'{text}' ends before it starts");
            }

            advisor.Absences.Add(new Absence { StartDate = from, EndDate = to, Reason = parts.Length > 3 ? parts[3] : string.Empty });
        }

        return [.. byId.Values];
    }

    private static Advisor Advisor(string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length is < 3 or > 4 || parts[0].Length == 0)
        {
            throw new InputException(AdvisorOption, $"'{text}' is not ID:NAME:FTE[:DAYS], e.g. lulea-7:Karin Ek:0.8:mon-thu");
        }

        if (parts[1].Length == 0)
        {
            throw new InputException(AdvisorOption, $"'{text}': NAME must not be empty");
        }

        if (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var fte) || fte is <= 0 or > 1)
        {
            throw new InputException(AdvisorOption, $"'{text}': FTE must be a share of a full-time position, more than 0 and at most 1 (e.g. 0.8)");
        }

        var advisor = new Advisor { AdvisorId = parts[0], Name = parts[1], Fte = fte };
        if (parts.Length > 3 && parts[3].Length > 0)
        {
            advisor.WorkingDays.AddRange(Days(parts[3], text));
        }

        return advisor;
    }

    /// <summary>"mon,wed,fri" or a range "mon-thu", or both: "mon-tue,thu".</summary>
    private static SortedSet<Weekday> Days(string days, string text)
    {
        var result = new SortedSet<Weekday>();
        foreach (var item in days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = item.Split('-', 2);
            var (first, last) = (Day(ends[0], text), Day(ends[^1], text));
            if (last < first)
            {
                throw new InputException(AdvisorOption, $"'{text}': the range '{item}' runs backwards");
            }

            for (var d = first; d <= last; d++)
            {
                result.Add(d);
            }
        }

        return result;
    }

    private static Weekday Day(string name, string text)
    {
        var index = Array.IndexOf(DayNames, name.ToLowerInvariant());
        return index >= 0
            ? (Weekday)(index + 1)
            : throw new InputException(AdvisorOption, $"'{text}': '{name}' is not a day ({string.Join(", ", DayNames)})");
    }
}
