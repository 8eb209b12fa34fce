namespace Planering.Silo.Dashboard;

/// <summary>
/// The Orleans dashboard (section <c>Planering:Dashboard</c>): grains, silos and call rates in a browser, served on
/// loopback only (unless <see cref="Address"/> says otherwise) and without a login, so only someone on the machine (or through an SSH tunnel) sees it.
/// </summary>
public sealed class DashboardSettings
{
    public const string Section = "Planering:Dashboard";

    /// <summary>The HTTP port on 127.0.0.1; 0 turns the dashboard off (env <c>Planering__Dashboard__Port</c>).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>
    /// The IP address it listens on (env <c>Planering__Dashboard__Address</c>); 127.0.0.1 unless a container must bind
    /// 0.0.0.0 for a port published on the host's loopback only (docker/compose.yaml).
    /// </summary>
    public string Address { get; set; } = "127.0.0.1";

    public bool Enabled => Port > 0;

    public IEnumerable<string> Problems(int apiPort)
    {
        if (!System.Net.IPAddress.TryParse(Address, out _))
        {
            yield return $"{Section}:Address '{Address}' is not an IP address";
        }

        if (Port is < 0 or > 65535)
        {
            yield return $"{Section}:Port {Port} is not a TCP port (0 turns the dashboard off)";
        }
        else if (Enabled && Port == apiPort)
        {
            yield return $"{Section}:Port must differ from Planering:Api:Port";
        }
    }
}
