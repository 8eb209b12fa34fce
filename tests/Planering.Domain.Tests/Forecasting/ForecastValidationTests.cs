using Planering.Domain.Errors;
using Planering.Domain.Forecasting;
using static Planering.Domain.Tests.Forecasting.ForecastFixtures;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>Bad requests are refused before any path runs, with the offending API field named.</summary>
public sealed class ForecastValidationTests
{
    private static readonly ForecastInput Valid = Tiny(ForecastParameters.Default, Alfa(), Beta());

    public static TheoryData<string, Func<ForecastInput, ForecastInput>> BadInputs => new()
    {
        { "paths", i => i with { Paths = 0 } },
        { "paths", i => i with { Paths = 100_001 } },
        { "horizon_months", i => i with { HorizonMonths = 61 } },
        { "horizon_months", i => i with { HorizonMonths = 0 } },
        { "start_month", i => i with { StartMonth = 13 } },
        { "start_year", i => i with { StartYear = 1999 } },
        { "parameters.cancellation_rate", i => i with { Parameters = i.Parameters with { CancellationRate = -0.1 } } },
        { "parameters.rescheduled_share", i => i with { Parameters = i.Parameters with { RescheduledShare = 1.5 } } },
        { "parameters.duration_cv", i => i with { Parameters = i.Parameters with { DurationCv = double.NaN } } },
        { "parameters.sickness_mean", i => i with { Parameters = i.Parameters with { SicknessMean = 1 } } },
        { "parameters.sickness_sd", i => i with { Parameters = i.Parameters with { SicknessSd = 0.5 } } },
        { "parameters.sickness_sd", i => i with { Parameters = i.Parameters with { SicknessSd = -0.01 } } },
        { "parameters.parental_leave_rate", i => i with { Parameters = i.Parameters with { ParentalLeaveRate = -0.04 } } },
        { "parameters.parental_leave_min_months", i => i with { Parameters = i.Parameters with { ParentalLeaveMinMonths = 0 } } },
        { "parameters.parental_leave_max_months", i => i with { Parameters = i.Parameters with { ParentalLeaveMaxMonths = 3 } } },
        { "parameters.vacancy_rate", i => i with { Parameters = i.Parameters with { VacancyRate = double.PositiveInfinity } } },
        { "parameters.hiring_delay_mean_months", i => i with { Parameters = i.Parameters with { HiringDelayMeanMonths = -4 } } },
        { "parameters.hiring_delay_cv", i => i with { Parameters = i.Parameters with { HiringDelayCv = double.NaN } } },
        { "parameters.reschedule_delay_max_months", i => i with { Parameters = i.Parameters with { RescheduleDelayMaxMonths = 0 } } },
        { "parameters.coverage_grace_cycles", i => i with { Parameters = i.Parameters with { CoverageGraceCycles = -1 } } },
        { "offices", i => i with { Offices = [] } },
        { "offices[1].office_id", i => i with { Offices = [Alfa(), Alfa()] } },
        { "offices[0].office_id", i => i with { Offices = [Alfa() with { OfficeId = "national" }] } },
        { "offices[0].office_id", i => i with { Offices = [Alfa() with { OfficeId = "Luleå" }] } },
        { "offices[0].capacity_hours", i => i with { Offices = [Alfa() with { CapacityHours = [1, 2] }] } },
        { "offices[0].capacity_hours[1]", i => i with { Offices = [Alfa() with { CapacityHours = [1, -2, 3] }] } },
        { "offices[0].advisors", i => i with { Offices = [Alfa() with { Advisors = -1 }] } },
        { "offices[0].total_fte", i => i with { Offices = [Alfa() with { TotalFte = 2.5 }] } },
        { "offices[0].huvudman[0].hours_per_dialogue", i => i with { Offices = [Alfa() with { Huvudman = [new HuvudmanDemand(0, 12, 0)] }] } },
        { "offices[0].huvudman[0].cycle_months", i => i with { Offices = [Alfa() with { Huvudman = [new HuvudmanDemand(10, 0, 0)] }] } },
        { "offices[0].huvudman[0].booked_month", i => i with { Offices = [Alfa() with { Huvudman = [new HuvudmanDemand(10, 12, 0, -1)] }] } },
        { "offices[0].history[2]", i => i with { Offices = [Alfa() with { History = [1, 2, -3] }] } },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_field_is_named(string field, Func<ForecastInput, ForecastInput> spoil)
    {
        var error = Assert.Throws<PlaneringException>(() => CapacityForecaster.Run(spoil(Valid)));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var input = Valid with
        {
            Paths = 0,
            HorizonMonths = 61,
            Parameters = ForecastParameters.Default with { CancellationRate = -1, DurationCv = double.NaN },
        };

        var error = Assert.Throws<PlaneringException>(() => CapacityForecaster.Run(input));

        Assert.Equal(["horizon_months", "paths", "parameters.cancellation_rate", "parameters.duration_cv"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void The_defaults_are_valid_and_documented_values()
    {
        var defaults = ForecastParameters.Default;

        Assert.Same(Valid, ForecastRules.Validate(Valid));
        Assert.Equal(24, new ForecastInput(2027, 1, 1, [Alfa()]).HorizonMonths);
        Assert.Equal(10_000, new ForecastInput(2027, 1, 1, [Alfa()]).Paths);
        Assert.Equal((0.05, 0.8, 1, 2), (defaults.CancellationRate, defaults.RescheduledShare, defaults.RescheduleDelayMinMonths, defaults.RescheduleDelayMaxMonths));
        Assert.Equal((0.15, 0.05, 0.02), (defaults.DurationCv, defaults.SicknessMean, defaults.SicknessSd));
        Assert.Equal((0.04, 6, 12), (defaults.ParentalLeaveRate, defaults.ParentalLeaveMinMonths, defaults.ParentalLeaveMaxMonths));
        Assert.Equal((0.08, 4.0, 0.5, 1.0), (defaults.VacancyRate, defaults.HiringDelayMeanMonths, defaults.HiringDelayCv, defaults.CoverageGraceCycles));
    }
}
