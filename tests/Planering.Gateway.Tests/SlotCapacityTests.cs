using System.Globalization;
using Grpc.Core;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

/// <summary>
/// Plan, forecast and slot search agree on capacity: an office is booked full for a quarter through FindNextSlot and
/// BookDialogue over gRPC (real grains, SQLite storage), and the number booked is what the capacity model said.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class SlotCapacityTests(ApiFixture api)
{
    /// <summary>Uppsala: no other test arranges anything there.</summary>
    private const string Kommun = "0380";

    private static int _next = Random.Shared.Next(0, 90_000_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"6{Interlocked.Increment(ref _next):D8}").Value;

    [Fact]
    public async Task Booking_an_office_full_for_a_quarter_gives_the_dialogues_the_capacity_model_counts()
    {
        var officeId = $"q{Guid.NewGuid():N}"[..20];
        await api.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Kvartalskontoret", Kommunkod = Kommun });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        foreach (var letter in "abcd")
        {
            staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-{letter}", Name = $"Rådgivare {letter}", Fte = 1 });
        }

        await api.Registry.SetStaffingAsync(staffing);

        // The quarter: September–November next year (höstlov in week 44 and alla helgons dag included).
        var year = DateTime.UtcNow.Year + 1;
        var from = new DateOnly(year, 9, 1);
        var to = new DateOnly(year, 12, 1);

        // What the capacity model says the office can hold: the forecast's dialogue slots per month.
        var horizon = ((year - DateTime.UtcNow.Year) * 12) + 12 - DateTime.UtcNow.Month + 1;
        var forecast = await api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { OfficeIds = { officeId }, Paths = 10, HorizonMonths = horizon });
        var months = forecast.Offices.Single().Months;
        var expected = months.Where(m => string.CompareOrdinal(m.Month, $"{year}-09") >= 0 && string.CompareOrdinal(m.Month, $"{year}-11") <= 0).Sum(m => m.DialogueCapacity);
        Assert.True(expected > 30, $"the capacity model gives {expected} dialogues");

        var booked = 0;
        for (var i = 0; i < expected + 20; i++)
        {
            var huvudman = NewOrganisationNumber();
            await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = huvudman, Name = $"Kvartalsskolan {i} AB", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 100 });
            FindNextSlotResponse found;
            try
            {
                found = await api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest
                {
                    HuvudmanId = huvudman, OfficeId = officeId, EarliestDate = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Mode = DialogueMode.Digital, HorizonDays = 91,
                });
            }
            catch (RpcException full) when (full.StatusCode == StatusCode.FailedPrecondition)
            {
                break;
            }

            if (DateOnly.ParseExact(found.Slot.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture) >= to)
            {
                break;
            }

            await api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = $"quarter-{Guid.NewGuid():N}", HuvudmanId = huvudman, Slot = found.Slot });
            booked++;
        }

        // The model counts each month as part of a running office: a month's first days share their ISO week's limit with
        // the days before the month. This office is empty before the quarter, so its first, partial week can hold up to
        // a few dialogues more than the model's September gives it (3 when 1 September is a Wednesday).
        Assert.InRange(booked, expected - 3, expected + 3);
    }
}
