using System.Globalization;
using System.Text;

namespace Planering.Bench.Reporting;

/// <summary>Collects the sections of one run and writes BENCHMARKS.md with the machine, the date and the command.</summary>
public sealed class BenchmarkReport(string command)
{
    private readonly List<(string Title, string Body)> _sections = [];

    public void Add(string title, string body) => _sections.Add((title, body));

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

    /// <summary>
    /// <paramref name="existing"/> (a BENCHMARKS.md) with this run's sections in place of those of the same title, new
    /// ones appended, every other section and the header kept. Each section written here says when and with which
    /// command it was measured, since the header's command is the last full run's.
    /// </summary>
    public string MergeInto(string existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var lines = existing.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = new List<string>();
        var sections = new List<(string Title, List<string> Lines)>();
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add((line[3..].Trim(), [line]));
            }
            else if (sections.Count == 0)
            {
                header.Add(line);
            }
            else
            {
                sections[^1].Lines.Add(line);
            }
        }

        foreach (var (title, body) in _sections)
        {
            List<string> replacement =
            [
                $"## {title}",
                string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC with `{command}`."),
                string.Empty,
                .. body.TrimEnd().Split('\n'),
                string.Empty,
            ];
            var at = sections.FindIndex(s => s.Title == title);
            if (at >= 0)
            {
                sections[at] = (title, replacement);
            }
            else
            {
                if (sections.Count > 0 && sections[^1].Lines[^1].Length != 0)
                {
                    sections[^1].Lines.Add(string.Empty);
                }

                sections.Add((title, replacement));
            }
        }

        var text = string.Join('\n', header.Concat(sections.SelectMany(s => s.Lines)));
        return text.TrimEnd('\n') + "\n";
    }
}
