using System.Globalization;
using Planering.Bench.Forecasting;
using Planering.Bench.Reporting;
using Planering.Bench.Scheduling;

// dotnet run -c Release --project bench/Planering.Bench -- [quick] [section …]
//   sections: slot-search, forecast (default: all); `quick` shortens every measurement; `smoke` runs each scenario once and
//   writes nothing (CI). The full set rewrites BENCHMARKS.md in the working directory.
var quick = args.Contains("quick");
var smoke = args.Contains("smoke");
var sections = args.Where(a => a is not ("quick" or "smoke")).ToHashSet(StringComparer.Ordinal);
bool Wants(string section) => sections.Count == 0 || sections.Contains(section);

if (smoke)
{
    var scenario = new SlotSearchScenario();
    var slot = new SlotSearchBenchmarks();
    slot.Setup();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smoke: slot-search over {scenario.Bookings} bookings -> {slot.FullYear()?.Date}"));
    var forecast = Planering.Domain.Forecasting.CapacityForecaster.Run(NationalForecastScenario.Build(paths: 100, horizonMonths: 3));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smoke: forecast of {forecast.Offices.Count} offices, national demand month 0 = {forecast.National.Months[0].DemandHours.Mean:F0} h"));
    return 0;
}

var command = "dotnet run -c Release --project bench/Planering.Bench --" + (args.Length == 0 ? string.Empty : " " + string.Join(' ', args));
var report = new BenchmarkReport(command);

if (Wants("slot-search"))
{
    var scenario = new SlotSearchScenario();
    report.Add(
        "FindNextSlot: the domain search on an office with a year of bookings",
        string.Create(CultureInfo.InvariantCulture, $"Solna with its default 8 advisors; {scenario.Bookings} dialogues booked from {SlotSearchScenario.Today:yyyy-MM-dd} until every day of a year is at the daily or weekly cap.\n\n")
        + BenchmarkDotNetRunner.Run<SlotSearchBenchmarks>(quick));
}

if (Wants("forecast"))
{
    var input = NationalForecastScenario.Build();
    report.Add(
        "Capacity forecast: 24 months × all offices × 10,000 paths (target ≤ 0.5 s)",
        string.Create(CultureInfo.InvariantCulture, $"The seeded world: {input.Offices.Count} offices, {input.Offices.Sum(o => o.Huvudman.Count)} huvudmän at their nearest office, default parameters.\n\n")
        + BenchmarkDotNetRunner.Run<ForecastBenchmarks>(quick));
}

File.WriteAllText("BENCHMARKS.md", report.Render());
Console.WriteLine("wrote BENCHMARKS.md");
return 0;
