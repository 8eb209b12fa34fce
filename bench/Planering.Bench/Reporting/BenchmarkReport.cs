using System.Globalization;
using System.Text;

namespace Planering.Bench.Reporting;

/// <summary>Collects the sections of one run and writes BENCHMARKS.md with the machine, the date and the command.</summary>
public sealed class BenchmarkReport(string command)
{
    private readonly List<(string Title, string Body)> _sections = [];

    public void Add(string title, string body) => _sections.Add((title, body));

    /// <summary>
    /// <paramref name="existing"/> with this run's sections put in place of those with the same title (or appended),
    /// each marked with the command and date that measured it; the other sections and the header stay as they were.
    /// </summary>
    public string RenderMerged(string existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var parts = existing.Split("\n## ");
        var header = parts[0].TrimEnd();
        var kept = parts.Skip(1).Select(p => (Title: p[..p.IndexOf('\n', StringComparison.Ordinal)].Trim(), Text: "## " + p.TrimEnd())).ToList();
        var text = new StringBuilder(header).AppendLine();
        foreach (var (title, body) in _sections)
        {
            var rendered = string.Create(CultureInfo.InvariantCulture, $"## {title}\n\nMeasured by `{command}` on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.\n\n{body.TrimEnd()}");
            var index = kept.FindIndex(k => k.Title == title);
            if (index >= 0)
            {
                kept[index] = (title, rendered);
            }
            else
            {
                kept.Add((title, rendered));
            }
        }

        foreach (var (_, section) in kept)
        {
            text.AppendLine().AppendLine(section);
        }

        return text.ToString();
    }

    public string Render()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
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
        foreach (var (title, body) in _sections)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
            text.AppendLine();
            text.AppendLine(body.TrimEnd());
        }

        return text.ToString();
    }
}
