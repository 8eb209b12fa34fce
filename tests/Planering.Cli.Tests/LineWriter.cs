using System.Text;

namespace Planering.Cli.Tests;

/// <summary>
/// Captured output that a test can wait on line by line, for commands that keep running (watch-forecast): the test
/// acts once the command has shown something, instead of sleeping and hoping it has.
/// </summary>
public sealed class LineWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<(int Lines, TaskCompletionSource Reached)> _waiters = [];
    private int _lines;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
            if (value != '\n')
            {
                return;
            }

            _lines++;
            foreach (var waiter in _waiters.Where(w => w.Lines <= _lines))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    /// <summary>Completes once <paramref name="lines"/> whole lines have been written; fails when the token is cancelled first.</summary>
    public Task WaitForLinesAsync(int lines, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_text)
        {
            if (_lines >= lines)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((lines, reached));
        }

        return reached.Task.WaitAsync(cancellationToken);
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
