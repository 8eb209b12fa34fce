namespace Planering.Grains.Hosting;

/// <summary>
/// How a grain stores its state. A grain changes its state in memory and then writes it; when the write fails, the
/// change never reached storage, yet the activation would go on serving it (and store it with some later write). So
/// the activation is dropped after the failing call, and the next call reads what storage really holds.
/// </summary>
public static class StateWrites
{
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(grain);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
