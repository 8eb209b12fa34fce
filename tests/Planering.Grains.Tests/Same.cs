using System.Text.Json;

namespace Planering.Grains.Tests;

/// <summary>Value comparison of records that hold lists (records compare lists by reference).</summary>
internal static class Same
{
    public static void Value<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
