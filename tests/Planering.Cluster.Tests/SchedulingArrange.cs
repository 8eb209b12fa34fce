using System.Globalization;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Cluster.Tests;

/// <summary>An office of the test's own with its advisors and huvudmän, made through the public API.</summary>
internal static class SchedulingArrange
{
    private static int _next = 100_000;

    /// <summary>
    /// The Monday of ISO week 36 next year: after sommarlov and before höstlov (week 44), so eight weeks from here on hold
    /// no school holiday, and always further ahead than the preparation lead time.
    /// </summary>
    public static DateOnly QuietAutumnMonday => DateOnly.FromDateTime(ISOWeek.ToDateTime(DateTime.UtcNow.Year + 1, 36, DayOfWeek.Monday));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A fresh organisation number (the seed's are 21200… and 559…); unique within the test process.</summary>
    public static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"9{Interlocked.Increment(ref _next):D8}").Value;

    /// <summary>Creates <paramref name="officeId"/> in <paramref name="kommunkod"/> with full-time advisors, and huvudmän there of one size.</summary>
    public static async Task<IReadOnlyList<string>> OfficeWithHuvudmanAsync(
        RegistryService.RegistryServiceClient registry, string officeId, string kommunkod, int advisors, int huvudman)
    {
        await registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = $"Testkontor {officeId}", Kommunkod = kommunkod });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        for (var i = 1; i <= advisors; i++)
        {
            staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-{i}", Name = $"Rådgivare {i}", Fte = 1 });
        }

        await registry.SetStaffingAsync(staffing);

        // One size and one kommun for all: every huvudman's dialogue is as long and meets the same lov, so a slot found
        // for one of them is a valid slot for any of them.
        var numbers = Enumerable.Range(0, huvudman).Select(_ => NewOrganisationNumber()).ToList();
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (number, cancellation) =>
            await registry.UpsertHuvudmanAsync(
                new UpsertHuvudmanRequest { OrganisationNumber = number, Name = $"Skola {number}", Type = HuvudmanType.Independent, Kommunkod = kommunkod, Pupils = 300 },
                cancellationToken: cancellation));
        return numbers;
    }

    public static FindNextSlotRequest Find(string huvudman, string officeId, DateOnly earliest) =>
        new() { HuvudmanId = huvudman, OfficeId = officeId, EarliestDate = Date(earliest), Mode = DialogueMode.Digital };

    /// <summary>Every dialogue the office holds, cancelled ones included, read page by page.</summary>
    public static Task<List<Dialogue>> OfficeDialoguesAsync(SchedulingService.SchedulingServiceClient scheduling, string officeId) =>
        AllPagesAsync(scheduling, new ListDialoguesRequest { OfficeId = officeId, IncludeCancelled = true });

    /// <summary>Every dialogue the huvudman's own list holds, cancelled ones included.</summary>
    public static Task<List<Dialogue>> HuvudmanDialoguesAsync(SchedulingService.SchedulingServiceClient scheduling, string huvudman) =>
        AllPagesAsync(scheduling, new ListDialoguesRequest { HuvudmanId = huvudman, IncludeCancelled = true });

    /// <summary>Every dialogue of every office, cancelled ones included.</summary>
    public static Task<List<Dialogue>> AllDialoguesAsync(SchedulingService.SchedulingServiceClient scheduling) =>
        AllPagesAsync(scheduling, new ListDialoguesRequest { IncludeCancelled = true });

    private static async Task<List<Dialogue>> AllPagesAsync(SchedulingService.SchedulingServiceClient scheduling, ListDialoguesRequest request)
    {
        var dialogues = new List<Dialogue>();
        request.PageSize = 1000;
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await scheduling.ListDialoguesAsync(request);
            dialogues.AddRange(page.Dialogues);
            if (page.NextPageToken.Length == 0)
            {
                return dialogues;
            }

            request.PageToken = page.NextPageToken;
        }

        throw new InvalidOperationException("ListDialogues did not end within 1,000 pages");
    }
}
