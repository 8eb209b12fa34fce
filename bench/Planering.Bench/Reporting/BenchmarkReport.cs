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
}
