using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Planering.Domain.Calendar;
using Planering.Domain.Forecasting;
using Planering.Domain.Timing;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Forecasting;

/// <summary>
/// Computes capacity forecasts and keeps the live one current. Plan changes arrive on the plan-changes stream
/// (implicit subscription); a burst of them is debounced into one recomputation, after which watchers are notified on
/// the forecast-updates stream. The cache is memory only: after a restart the first request recomputes it.
/// A silo's loss is treated as a plan change: a change stored there just before it died may never have been announced,
/// so the forecast recomputes from what is stored and announces that. Versions grow across activations, so a watcher
/// that saw the last activation's forecasts takes the next one's as newer.
/// </summary>
[ImplicitStreamSubscription(PlanEvents.PlanChangesNamespace)]
public sealed partial class ForecastGrain(TimeProvider clock, ILogger<ForecastGrain> logger, IClusterMembershipService membership) : Grain, IForecastGrain
{
    /// <summary>How often the grain looks for silos lost since it last looked.</summary>
    public static readonly TimeSpan MembershipCheckPeriod = TimeSpan.FromSeconds(2);

    /// <summary>How long the grain waits after a change for more changes before it recomputes.</summary>
    public static readonly TimeSpan DebounceDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest a steady stream of changes may postpone a recomputation.</summary>
    public static readonly TimeSpan MaxDebounce = TimeSpan.FromSeconds(10);

    private ForecastRecord? _live;
    // Every change one recomputation coalesces, in order, each once: the forecast names them all, so a watcher waiting
    // for its own change (a booking) sees it even when a re-solve lands in the same window.
    private readonly List<string> _pendingTriggers = [];
    private readonly Debounce _debounce = new(DebounceDelay, MaxDebounce);
    private IGrainTimer? _recompute;
    private long _version;
    private int _lostSilos;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Each computation adds one to the version; starting from the activation's wall-clock milliseconds puts every
        // activation's versions above those of the one before it (recomputations are debounced, a second or more apart).
        _version = clock.GetUtcNow().ToUnixTimeMilliseconds();
        _lostSilos = LostSilos();
        var changes = this.GetStreamProvider(StorageNames.Streams).GetStream<PlanChanged>(PlanEvents.PlanChanges);
        await changes.SubscribeAsync((change, _) => OnPlanChangedAsync(change));
        this.RegisterGrainTimer(CheckMembershipAsync, new GrainTimerCreationOptions(MembershipCheckPeriod, MembershipCheckPeriod) { KeepAlive = false });
        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>Silos that left the cluster, gracefully or not, as this silo's membership view has them.</summary>
    private int LostSilos() => membership.CurrentSnapshot.Members.Values.Count(m => m.Status is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping);

    private Task CheckMembershipAsync(CancellationToken cancellationToken)
    {
        // The count falls again when Orleans removes old dead entries; only a rise is a new loss.
        var (before, lost) = (_lostSilos, LostSilos());
        _lostSilos = lost;
        return lost > before ? OnPlanChangedAsync(new PlanChanged("silo-lost", null)) : Task.CompletedTask;
    }

    public async Task<ForecastRecord> GetLiveAsync() => _live ??= await ComputeLiveAsync("startup", CancellationToken.None);

    /// <summary>
    /// A trailing debounce (<see cref="Debounce"/>): each change moves the recomputation to <see cref="DebounceDelay"/>
    /// after it, so a burst (a seed, a rebalance) costs one recomputation, but never to <see cref="MaxDebounce"/> after the first.
    /// </summary>
    private Task OnPlanChangedAsync(PlanChanged change)
    {
        if (!_pendingTriggers.Contains(change.Trigger))
        {
            _pendingTriggers.Add(change.Trigger);
        }

        var now = clock.GetUtcNow();
        var step = _debounce.Change(now);
        switch (step)
        {
            case DebounceStep.Armed:
                _recompute = this.RegisterGrainTimer(RecomputeAsync, new GrainTimerCreationOptions(DebounceDelay, Timeout.InfiniteTimeSpan));
                break;
            case DebounceStep.Postponed:
                _recompute!.Change(DebounceDelay, Timeout.InfiniteTimeSpan);
                break;
        }

        LogChangeSeen(logger, change.Trigger, change.OfficeId ?? "-", now, step, _debounce.Due!.Value);
        return Task.CompletedTask;
    }

    /// <param name="cancellationToken">Orleans cancels it when the grain deactivates, or when the timer is disposed.</param>
    private async Task RecomputeAsync(CancellationToken cancellationToken)
    {
        // A change arriving from here on arms a new timer; this one is disposed only once its work is done, since
        // disposing a timer cancels the callback it is running.
        using var firing = _recompute;
        _recompute = null;
        _debounce.Fire();
        var trigger = _pendingTriggers.Count == 0 ? "plan-changed" : string.Join(',', _pendingTriggers);
        _pendingTriggers.Clear();
        try
        {
            _live = await ComputeLiveAsync(trigger, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The grain is deactivating (the silo stops, say): its next activation computes the live forecast afresh.
            LogAbandoned(logger, trigger);
            return;
        }

        await this.GetStreamProvider(StorageNames.Streams).GetStream<ForecastUpdated>(PlanEvents.ForecastUpdates)
            .OnNextAsync(new ForecastUpdated(_live.Version));
    }

    private Task<ForecastRecord> ComputeLiveAsync(string trigger, CancellationToken cancellationToken) =>
        ForecastRun.ComputeAsync(
            GrainFactory, clock, logger, ForecastInput.DefaultHorizonMonths, ForecastInput.DefaultPaths, ForecastRequest.DefaultSeed, ForecastParameters.Default,
            trigger, ++_version, cancellationToken);

    /// <summary>At Debug: what each change did to the pending recomputation, the one place a test or an operator sees the debounce work.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Plan change '{Trigger}' (office {OfficeId}) seen at {Now:O}: {Step}, live forecast due at {Due:O}")]
    private static partial void LogChangeSeen(ILogger logger, string trigger, string officeId, DateTimeOffset now, DebounceStep step, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live forecast ({Trigger}) not recomputed: the grain is deactivating")]
    private static partial void LogAbandoned(ILogger logger, string trigger);
}
