using Microsoft.Extensions.Logging;
using Planering.Grains.Hosting;

namespace Planering.Grains.Forecasting;

/// <summary>
/// Tells the forecast that the plan changed. Streams only notify: the change is already stored when this runs, so a
/// failed notification is logged and never turns a committed change into an error for the caller.
/// </summary>
internal static partial class PlanChangePublisher
{
    public static async Task PublishPlanChangeAsync(this Grain grain, ILogger logger, string trigger, string? officeId)
    {
        try
        {
            await grain.GetStreamProvider(StorageNames.Streams).GetStream<PlanChanged>(PlanEvents.PlanChanges).OnNextAsync(new PlanChanged(trigger, officeId));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotPublished(logger, trigger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The plan change '{Trigger}' was stored but could not be announced; the forecast catches up on the next change")]
    private static partial void LogNotPublished(ILogger logger, string trigger, Exception exception);
}
