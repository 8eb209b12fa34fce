using System.Globalization;
using Bunit;
using Planering.Contracts.V1;
using Planering.Web.Components.Shared;

namespace Planering.Web.Tests.Components;

public sealed class ForecastChartTests : BunitContext
{
    public ForecastChartTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    [Fact]
    public void Bands_lines_and_one_hover_target_per_month_with_swedish_values()
    {
        var forecast = new OfficeForecast { OfficeId = "lulea", CoverageProbability = 0.9 };
        forecast.Months.Add(Month("2027-01", 1170, 2000));
        forecast.Months.Add(Month("2027-02", 900, 2100));
        forecast.Months.Add(Month("2027-03", 1500, 1400));
        int? hovered = null;
        var chart = Render<ForecastChart>(p => p.Add(x => x.Forecast, forecast).Add(x => x.Title, "Luleå").Add(x => x.OnMonth, i => hovered = i));

        Assert.Single(chart.FindAll("polygon.band-demand"));
        Assert.Single(chart.FindAll("polygon.band-capacity"));
        Assert.Equal(3, chart.FindAll("rect.hit").Count);
        var title = chart.Find("rect.hit[data-month='2027-01'] title").TextContent;
        Assert.Equal("2027-01: efterfrågan 1\u00a0170 h (1\u00a0053–1\u00a0287), kapacitet 2\u00a0000 h (1\u00a0800–2\u00a0200), nyttjande 58 %", title);

        chart.Find("rect.hit[data-month='2027-03']").MouseOver();
        Assert.Equal(2, hovered);
    }

    private static MonthForecast Month(string month, double demand, double capacity) => new()
    {
        Month = month,
        DemandHours = new Band { P10 = demand * 0.9, P50 = demand, P90 = demand * 1.1, Mean = demand },
        CapacityHours = new Band { P10 = capacity * 0.9, P50 = capacity, P90 = capacity * 1.1, Mean = capacity },
        Utilisation = new Band { P50 = Math.Min(1, demand / capacity) },
        BacklogHours = new Band(),
    };
}
