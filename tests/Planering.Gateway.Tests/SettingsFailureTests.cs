namespace Planering.Gateway.Tests;

/// <summary>The real silo process started with bad settings: one line per setting, exit code 2, no stack trace, nothing written.</summary>
public sealed class SettingsFailureTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"planering-settings-{Guid.NewGuid():N}")).FullName;

    [Theory]
    [InlineData("--Planering:Api:Port=99999", "Planering:Api:Port 99999 is not a TCP port")]
    [InlineData("--Planering:Api:Port=fast", "'fast'")]
    [InlineData("--Planering:RateLimit:PermitsPerSecond=-5", "Planering:RateLimit:PermitsPerSecond -5 must be between 0 (off) and 1000000")]
    [InlineData("--Planering:Storage:Provider=Oracle", "'Oracle'")]
    public async Task A_bad_setting_is_one_line_naming_it_and_exit_2(string setting, string expected)
    {
        var database = Path.Combine(_root, "db", "planering.db");
        var result = await HostProcess.RunSiloAsync(_root, new Dictionary<string, string> { ["XDG_DATA_HOME"] = _root }, setting, $"--Planering:Storage:SqlitePath={database}", "--Planering:Dashboard:Port=0");

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Error}\n{result.Output}");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var invalid = Assert.Single(lines, l => l.StartsWith("planering-silo: invalid setting: ", StringComparison.Ordinal));
        Assert.Contains(expected, invalid, StringComparison.Ordinal);
        Assert.Contains(setting.TrimStart('-').Split('=')[0], invalid, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "a start refused for its settings created the database");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
