using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Planering.Gateway.Tests;

/// <summary>Keeps what a host logs, so a test can see that something happened where no API shows it (a grain stopping work).</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _entries);

    /// <summary>The first entry that matches, waiting for it up to <paramref name="timeout"/>; null if none came.</summary>
    public async Task<LogEntry?> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_entries.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > until)
            {
                return null;
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception)));
            }
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message);
