using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Planering.Grains.Tests;

/// <summary>What a test cluster's grains logged, so a test can see work that no grain method shows (a debounce moving).</summary>
public sealed class GrainLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<GrainLogEntry> _entries = new();

    public IReadOnlyCollection<GrainLogEntry> Entries => _entries;

    /// <summary>How many entries so far match: a test counts from here.</summary>
    public int Count(Func<GrainLogEntry, bool> match) => _entries.Count(match);

    /// <summary>The <paramref name="nth"/> (1-based) entry so far that matches, or null.</summary>
    public GrainLogEntry? Find(Func<GrainLogEntry, bool> match, int nth) => _entries.Where(match).Skip(nth - 1).FirstOrDefault();

    /// <summary>
    /// The <paramref name="nth"/> (1-based) entry that matches, waiting for it as long as <paramref name="patience"/>
    /// of real time allows; fails the test if it never comes. Waiting here is for an event, never for time to pass.
    /// </summary>
    public async Task<GrainLogEntry> WaitForAsync(Func<GrainLogEntry, bool> match, int nth, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            if (Find(match, nth) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > until)
            {
                var last = string.Join('\n', _entries.TakeLast(15).Select(e => $"{e.Level} {e.Category}: {e.Message}"));
                throw new Xunit.Sdk.XunitException($"no log entry #{nth} of the kind awaited came within {patience}; the last ones:\n{last}");
            }

            await Task.Delay(20);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<GrainLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && category.StartsWith("Planering", StringComparison.Ordinal))
            {
                // A [LoggerMessage] state lists its named values: tests read them typed instead of parsing the text.
                var values = state is IReadOnlyList<KeyValuePair<string, object?>> named
                    ? named.Where(p => p.Key != "{OriginalFormat}").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                    : [];
                entries.Enqueue(new GrainLogEntry(category, logLevel, formatter(state, exception), values));
            }
        }
    }
}

public sealed record GrainLogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)
{
    public T Value<T>(string name) => (T)Values[name]!;
}
