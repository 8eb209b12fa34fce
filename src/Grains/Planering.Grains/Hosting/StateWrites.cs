namespace Planering.Grains.Hosting;

/// <summary>
/// How a grain stores its state. A grain changes its state in memory and then writes it; when the write fails, the
/// change never reached storage, yet the activation would go on serving it (and store it with some later write). So
/// the activation is dropped after the failing call, and the next call reads what storage really holds.
/// </summary>
public static class StateWrites
{
    public static Task WriteOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain) => state.WriteOrReloadAsync(grain, rollBack: null);

    /// <summary>
    /// As <see cref="WriteOrReloadAsync{T}(IPersistentState{T}, IGrainBase)"/>, and when the write fails
    /// <paramref name="rollBack"/> first puts memory back as storage holds it, for the calls already queued on this
    /// activation before it goes.
    /// </summary>
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain, Action? rollBack)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(grain);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            rollBack?.Invoke();
            grain.DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Clears the state in storage; when that fails, the activation goes as after a failed write.</summary>
    public static async Task ClearOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(grain);
        try
        {
            await state.ClearStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
