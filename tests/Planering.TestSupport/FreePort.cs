using System.Net;
using System.Net.Sockets;

namespace Planering.TestSupport;

/// <summary>
/// A loopback port free right now, for what cannot bind port 0 itself: the web app's port (0 turns it off), a dashboard,
/// a port where nothing is meant to listen. Tests never use fixed ports: other test runs share the machine.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
