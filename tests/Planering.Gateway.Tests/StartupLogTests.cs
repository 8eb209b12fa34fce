using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Planering.Gateway.Tests;

/// <summary>What a user reads when the silo starts: levels that mean what they say, the API's address, timestamps.</summary>
[Collection(SharedApi.Name)]
public sealed class StartupLogTests(ApiFixture api)
{
    [Fact]
    public void The_start_states_the_api_address_and_warns_of_nothing_that_went_well()
    {
        var entries = api.Logs.Entries.ToList();

        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.StartsWith($"Planering gRPC API on {api.Address} ", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning && e.Message.StartsWith("Seeded the Swedish world", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains("Participant check thread has not completed", StringComparison.Ordinal));
        Assert.False(api.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orleans.Runtime.Watchdog").IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void Console_lines_carry_a_timestamp()
    {
        var console = api.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal("yyyy-MM-dd HH:mm:ss ", console.TimestampFormat);
        Assert.True(console.SingleLine);
    }
}
