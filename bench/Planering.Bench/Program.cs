using System.Globalization;
using Planering.Bench;
using Planering.Bench.Forecasting;
using Planering.Bench.Planning;
using Planering.Bench.Reporting;
using Planering.Bench.Scheduling;
using Planering.Bench.Sections;

// dotnet run -c Release --project bench/Planering.Bench -- [quick] [--huvudman=N] [section …]
//   sections: slot-search, forecast, planning, load, scale, import, fault, calibration, web (default: all). `quick` shortens every measurement and scales 10,000
//   huvudmän instead of 100,000. The run rewrites BENCHMARKS.md in the working directory.
// dotnet run -c Release --project bench/Planering.Bench -- smoke
//   each section once and tiny, nothing written (what the CI test runs).
var options = BenchOptions.Parse(args);
if (options.Smoke)
{
    var smoke = await Smoke.RunAsync(Console.Out);
    return smoke.Succeeded ? 0 : 1;
}

var command = "dotnet run -c Release --project bench/Planering.Bench --" + (args.Length == 0 ? string.Empty : " " + string.Join(' ', args));
var report = new BenchmarkReport(command);

if (options.Wants("slot-search"))
{
    var scenario = new SlotSearchScenario();
    report.Add(
        "FindNextSlot: the domain search on an office with a year of bookings",
        string.Create(CultureInfo.InvariantCulture, $"Solna with its default 8 advisors; {scenario.Bookings} dialogues booked from {SlotSearchScenario.Today:yyyy-MM-dd} until every day of a year is at the daily or weekly cap.\n\n")
        + BenchmarkDotNetRunner.Run<SlotSearchBenchmarks>(options.Quick));
}

if (options.Wants("forecast"))
{
    var input = NationalForecastScenario.Build();
    report.Add(
        "Capacity forecast: 24 months × all offices × 10,000 paths (target ≤ 0.5 s)",
        string.Create(CultureInfo.InvariantCulture, $"The seeded world: {input.Offices.Count} offices, {input.Offices.Sum(o => o.Huvudman.Count)} huvudmän at their nearest office, default parameters.\n\n")
        + BenchmarkDotNetRunner.Run<ForecastBenchmarks>(options.Quick));
}

if (options.Wants("planning"))
{
    report.Add("Planning: the load balancer against the exact optimum, and ranking every kommun as a site", PlanningBenchmark.Run(options.Quick));
}

if (options.Wants("load"))
{
    report.Add(LoadSection.Title, await LoadSection.RunAsync(options.Quick, Console.Out));
}

if (options.Wants("scale"))
{
    report.Add(ScaleSection.Title(options.Huvudman), await ScaleSection.RunAsync(options.Huvudman, Console.Out));
}

if (options.Wants("import"))
{
    report.Add(ImportSection.Title, await ImportSection.RunAsync(options.Huvudman, Console.Out));
}

if (options.Wants("web"))
{
    report.Add(WebSection.Title, await WebSection.RunAsync(options.Quick, Console.Out));
}

if (options.Wants("fault"))
{
    report.Add(FaultSection.Title, await FaultSection.RunAsync(options.Quick, Console.Out));
}

if (options.Wants("calibration"))
{
    report.Add(CalibrationSection.Title, CalibrationSection.Run(command, Console.Out));
}

if (options.Wants("term"))
{
    report.Add(TermSection.Title, TermSection.Run(options.Quick, Console.Out));
}

// A run of some sections only replaces those sections of an existing BENCHMARKS.md and keeps the others.
File.WriteAllText("BENCHMARKS.md", options.Sections.Count > 0 && File.Exists("BENCHMARKS.md")
    ? report.MergeInto(File.ReadAllText("BENCHMARKS.md"))
    : report.Render());
Console.WriteLine("wrote BENCHMARKS.md");
return 0;
