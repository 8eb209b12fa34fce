namespace Planering.Gateway.Hosting;

/// <summary>
/// Tells the stand-alone gateway's API that a silo was lost: Orleans' client reports a drop in connected gateways (every
/// silo is one) the moment a silo's connection closes. A call in flight at that moment may have been relayed to the
/// lost silo, and nothing in Orleans' client would end it before the response timeout; <see
/// Errors.ClusterRetryInterceptor"/> stops waiting for it and sends it again instead.
/// </summary>
public sealed class SiloLossSignal : IClusterConnectionStatusObserver, IDisposable
{
    private CancellationTokenSource _current = new();

    /// <summary>Cancelled at the next loss; take it when a call starts.</summary>
    public CancellationToken Token => Volatile.Read(ref _current).Token;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Trip();
        }
    }

    public void NotifyClusterConnectionLost() => Trip();

    public void Dispose() => _current.Dispose();

    private void Trip()
    {
        // Not disposed: a call may be reading the old token just now, and an untimed source holds nothing to release.
        var lost = Interlocked.Exchange(ref _current, new CancellationTokenSource());
        lost.Cancel();
    }
}
