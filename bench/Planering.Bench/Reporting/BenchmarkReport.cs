using System.Globalization;
using System.Text;

namespace Planering.Bench.Reporting;

/// <summary>Collects the sections of one run and writes BENCHMARKS.md with the machine, the date and the command.</summary>
public sealed class BenchmarkReport(string command)
{
    private readonly List<(string Title, string Body)> _sections = [];

    public void Add(string title, string body) => _sections.Add((title, body));

    /// <summary>
    /// The report; with the <paramref name="previous"/> file's text, its sections that this run did not measure are kept as
    /// they were (after this run's), so measuring one section does not erase the others.
    /// </summary>
    public string Render(string? previous = null)
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var kept = Sections(previous).Where(p => _sections.All(s => s.Title != p.Title)).ToList();
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("Written by the bench project; do not edit by hand. Rerun with:");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine(command);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores, {memory:F0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        text.AppendLine("- the machine is shared and noisy: compare figures measured side by side in one run, not across runs.");
        if (kept.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- this run measured: {string.Join("; ", _sections.Select(s => s.Title))}. The other sections are kept from an earlier run (all of them: `dotnet run -c Release --project bench/Planering.Bench --`).");
        }
        foreach (var (title, body) in _sections)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
            text.AppendLine();
            text.AppendLine(body.TrimEnd());
        }

        foreach (var (title, body) in kept)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
            text.AppendLine();
            text.AppendLine(body.Trim('\n').TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>The level-2 sections of a report this class wrote: title and body.</summary>
    private static IEnumerable<(string Title, string Body)> Sections(string? report)
    {
        if (report is null)
        {
            yield break;
        }

        string? title = null;
        var body = new StringBuilder();
        var inFence = false;
        foreach (var line in report.Split('\n'))
        {
            inFence ^= line.StartsWith("```", StringComparison.Ordinal);
            if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (title is not null)
                {
                    yield return (title, body.ToString());
                }

                (title, body) = (line[3..].TrimEnd(), new StringBuilder());
            }
            else if (title is not null)
            {
                body.Append(line).Append('\n');
            }
        }

        if (title is not null)
        {
            yield return (title, body.ToString());
        }
    }
}
