using System.Collections.Concurrent;
using Orleans.Storage;

namespace Planering.Grains.Tests;

/// <summary>
/// Wraps the real ADO.NET grain storage and fails chosen writes, to act out a process that dies between two writes:
/// the write never reaches the database and the caller sees an exception.
/// </summary>
public sealed class FaultInjectingStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<GrainId, int> WritesUntilFailure = new();

    /// <summary>The <paramref name="nth"/> write from now of this grain fails (1 = the next one).</summary>
    public static void FailWrite(GrainId grain, int nth) => WritesUntilFailure[grain] = nth;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (WritesUntilFailure.TryGetValue(grainId, out var left))
        {
            if (left <= 1)
            {
                WritesUntilFailure.TryRemove(grainId, out _);
                throw new InjectedStorageFailureException($"injected failure writing {grainId}");
            }

            WritesUntilFailure[grainId] = left - 1;
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}

public sealed class InjectedStorageFailureException : Exception
{
    public InjectedStorageFailureException()
    {
    }

    public InjectedStorageFailureException(string message)
        : base(message)
    {
    }

    public InjectedStorageFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
