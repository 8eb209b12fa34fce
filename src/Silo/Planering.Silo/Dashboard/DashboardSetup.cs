using Orleans.Dashboard;
using Planering.Gateway.Hosting;

namespace Planering.Silo.Dashboard;

/// <summary>Wires the Orleans dashboard into the silo: its grain service and profiler, and <see cref="DashboardServer"/>.</summary>
public static class DashboardSetup
{
    public static DashboardSettings ReadDashboardSettings(this WebApplicationBuilder builder, ApiOptions api) =>
        OptionsCheck.Read<DashboardSettings>(builder.Configuration, DashboardSettings.Section, o => o.Problems(api.Port));

    /// <summary>Adds the dashboard's grain service and collectors to the silo and starts its web server after the silo.</summary>
    public static ISiloBuilder AddPlaneringDashboard(this ISiloBuilder silo, DashboardSettings settings)
    {
        if (settings.Enabled)
        {
            silo.AddDashboard();
            silo.Services.AddSingleton(settings);

            // Registered after the silo's own hosted service, so it starts once the silo accepts clients and stops first.
            silo.Services.AddHostedService<DashboardServer>();
        }

        return silo;
    }
}
