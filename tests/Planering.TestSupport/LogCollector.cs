using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Planering.TestSupport;

/// <summary>
/// Keeps what a host or a test cluster logs, so a test can see work that no API or grain method shows (a grain stopping
/// work, a debounce moving). Entries at <paramref name="minimum"/> and above are kept; the host's own logging filters
/// decide the rest.
/// </summary>
public sealed class LogCollector(LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>How many entries so far match: a test counts from here.</summary>
    public int Count(Func<LogEntry, bool> match) => _entries.Count(match);

    /// <summary>The <paramref name="nth"/> (1-based) entry so far that matches, or null.</summary>
    public LogEntry? Find(Func<LogEntry, bool> match, int nth = 1) => _entries.Where(match).Skip(nth - 1).FirstOrDefault();

    /// <summary>
    /// The first entry that matches, waiting for it up to <paramref name="timeout"/> of real time; null if none came.
    /// Waiting here is for an event, never for time to pass.
    /// </summary>
    public async Task<LogEntry?> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Find(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > until)
            {
                return null;
            }

            await Task.Delay(20);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, minimum, _entries);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, LogLevel minimum, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                // A [LoggerMessage] state lists its named values: tests read them typed instead of parsing the text.
                var values = state is IReadOnlyList<KeyValuePair<string, object?>> named
                    ? named.Where(p => p.Key != "{OriginalFormat}").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                    : [];
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), values));
            }
        }
    }
}

/// <summary>One log entry: its category, level, text and the named values of its message template.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)
{
    public T Value<T>(string name) => (T)Values[name]!;
}
